package dev.ferrite.bench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import org.junit.jupiter.api.Test;

/** The closed loop: a publisher keeps at most its window in flight and resumes at half a window. */
class BenchPublisherTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();

    @Test
    void sendsOneWindowThenWaitsForHalfOfItToArrive() {
        BenchPublisher publisher = publisher(MqttQoS.AT_MOST_ONCE, 4, 1);

        publisher.start(0, 0);
        channel.runPendingTasks();
        assertThat(drainPublishes()).isEqualTo(4);

        publisher.delivered();
        channel.runPendingTasks();
        assertThat(drainPublishes()).as("one arrival of four is not yet half a window").isZero();

        publisher.delivered();
        channel.runPendingTasks();
        assertThat(drainPublishes()).isEqualTo(2);
        assertThat(publisher.sent()).isEqualTo(6);
    }

    @Test
    void aMessageFannedOutCountsAsArrivedOnlyOnceEverySubscriberHasIt() {
        BenchPublisher publisher = publisher(MqttQoS.AT_MOST_ONCE, 2, 3);

        publisher.start(0, 0);
        channel.runPendingTasks();
        assertThat(drainPublishes()).isEqualTo(2);

        for (int i = 0; i < 3; i++) {
            publisher.delivered();
        }
        channel.runPendingTasks();
        assertThat(drainPublishes()).isEqualTo(1);
    }

    @Test
    void atQoS1UnacknowledgedPublishesHoldTheWindowEvenOnceDelivered() {
        BenchPublisher publisher = publisher(MqttQoS.AT_LEAST_ONCE, 2, 1);

        publisher.start(0, 0);
        channel.runPendingTasks();
        assertThat(drainPublishes()).isEqualTo(2);
        publisher.delivered();
        publisher.delivered();
        channel.runPendingTasks();
        assertThat(drainPublishes()).isZero();

        channel.writeInbound(new MqttMessage(
                new MqttFixedHeader(MqttMessageType.PUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
                MqttMessageIdVariableHeader.from(1)));
        channel.runPendingTasks();
        assertThat(drainPublishes()).isEqualTo(1);
        assertThat(publisher.unacknowledged()).isEqualTo(2);
    }

    private BenchPublisher publisher(MqttQoS qos, int window, int receivers) {
        BenchPublisher publisher = new BenchPublisher(0, "t", qos, 16, new OfferedLoad(window, 0), receivers,
                new Measurement());
        channel.pipeline().addLast(publisher);
        publisher.attach(channel);
        return publisher;
    }

    private int drainPublishes() {
        int count = 0;
        for (Object sent = channel.readOutbound(); sent != null; sent = channel.readOutbound()) {
            if (sent instanceof MqttPublishMessage publish) {
                publish.release();
                count++;
            }
        }
        return count;
    }
}
