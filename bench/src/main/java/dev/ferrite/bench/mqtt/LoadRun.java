package dev.ferrite.bench.mqtt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;

/**
 * One workload against one broker: connect the subscribers, then the publishers; warm up;
 * measure; stop publishing; wait for the stragglers; disconnect; account for every message.
 */
final class LoadRun {

    private final LoadOptions options;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final Measurement measurement = new Measurement();
    private final AtomicInteger droppedConnections = new AtomicInteger();
    private volatile boolean closing;

    LoadRun(LoadOptions options) {
        this.options = options;
    }

    LoadResult run() throws InterruptedException {
        String startLoad = Machine.loadAverage();
        String prefix = "bench/" + runId;
        Workload workload = options.workload();
        BenchPublisher[] publishers = new BenchPublisher[options.publishers()];
        for (int i = 0; i < publishers.length; i++) {
            publishers[i] = new BenchPublisher(i, workload.topic(prefix, i), options.qos(), options.payloadBytes(),
                    options.load(), workload.receiversPerMessage(options.clients()), measurement);
        }
        BenchSubscriber[] subscribers = new BenchSubscriber[options.subscribers()];
        for (int i = 0; i < subscribers.length; i++) {
            subscribers[i] = new BenchSubscriber(workload.filter(prefix, i), options.qos(), publishers,
                    workload.firstSource(i), workload.sourceCount(options.clients()), measurement);
        }
        Measurement.Window window;
        String transport;
        try (MqttConnector connector = new MqttConnector(options.client())) {
            transport = connector.transportName();
            ConnectionOpener opener = new ConnectionOpener(options.client().connectConcurrency(), 1);
            ConnectionOpener.Outcome subscriberConnections = opener.open(subscribers.length,
                    i -> connector.connect("bench-" + runId + "-sub-" + i, subscribers[i])).requireAll("subscribers");
            subscribeAll(subscribers, subscriberConnections.channels());
            ConnectionOpener.Outcome publisherConnections = opener.open(publishers.length,
                    i -> connector.connect("bench-" + runId + "-pub-" + i, publishers[i])).requireAll("publishers");
            List<Channel> channels = new ArrayList<>(Arrays.asList(subscriberConnections.channels()));
            channels.addAll(Arrays.asList(publisherConnections.channels()));
            channels.forEach(channel -> channel.closeFuture().addListener(closed -> {
                if (!closing) {
                    droppedConnections.incrementAndGet();
                }
            }));
            for (int i = 0; i < publishers.length; i++) {
                publishers[i].attach(publisherConnections.channels()[i]);
            }
            window = drive(publishers);
            drain(publishers);
            disconnect(channels);
        }
        // The event loops have stopped: every publisher's and subscriber's state is final and visible.
        return new LoadResult(options, window, Losses.count(publishers, subscribers), droppedConnections.get(),
                transport, startLoad, Machine.loadAverage());
    }

    private void subscribeAll(BenchSubscriber[] subscribers, Channel[] channels) {
        List<CompletableFuture<Integer>> granted = new ArrayList<>();
        for (int i = 0; i < subscribers.length; i++) {
            granted.add(subscribers[i].subscribe(channels[i]));
        }
        for (CompletableFuture<Integer> qos : granted) {
            int code = qos.orTimeout(30, TimeUnit.SECONDS).join();
            if (code >= 0x80) {
                throw new IllegalStateException("the broker refused a subscription (SUBACK code 0x"
                        + Integer.toHexString(code) + ")");
            }
            if (code < options.qos().value()) {
                throw new IllegalStateException("the broker granted QoS " + code + " for a QoS " + options.qos().value()
                        + " subscription: the run would not measure what it says");
            }
        }
    }

    private Measurement.Window drive(BenchPublisher[] publishers) throws InterruptedException {
        RatePacer pacer = new RatePacer();
        long periodNanos = options.load().isFixedRate()
                ? Math.max(1, Math.round(1e9 * publishers.length / options.load().ratePerSecond())) : 0;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        for (int i = 0; i < publishers.length; i++) {
            // Spread the publishers' schedules over one period so that they do not all send at once.
            publishers[i].start(start + periodNanos * i / publishers.length, periodNanos);
        }
        if (options.load().isFixedRate()) {
            pacer.start(List.of(publishers));
        }
        Thread.sleep(options.warmup().toMillis());
        measurement.start();
        Thread.sleep(options.duration().toMillis());
        Measurement.Window window = measurement.stop();
        for (BenchPublisher publisher : publishers) {
            publisher.stop();
        }
        pacer.stop();
        return window;
    }

    /** Waits until every message sent has arrived, or nothing has arrived for the drain timeout. */
    private void drain(BenchPublisher[] publishers) throws InterruptedException {
        long lastProgress = System.nanoTime();
        long lastReceived = -1;
        while (System.nanoTime() - lastProgress < options.drainTimeout().toNanos()) {
            long expected = 0;
            long delivered = 0;
            for (BenchPublisher publisher : publishers) {
                expected += publisher.sent() * publisher.receivers();
                delivered += publisher.deliveries();
            }
            if (delivered >= expected) {
                Thread.sleep(200); // let the last acknowledgements reach the publishers
                return;
            }
            long received = measurement.receivedSoFar();
            if (received != lastReceived) {
                lastReceived = received;
                lastProgress = System.nanoTime();
            }
            Thread.sleep(50);
        }
    }

    private void disconnect(List<Channel> channels) {
        closing = true;
        List<ChannelFuture> closed = new ArrayList<>();
        for (Channel channel : channels) {
            channel.writeAndFlush(new MqttMessage(new MqttFixedHeader(MqttMessageType.DISCONNECT, false,
                    MqttQoS.AT_MOST_ONCE, false, 0))).addListener(ChannelFutureListener.CLOSE);
            closed.add(channel.closeFuture());
        }
        closed.forEach(future -> future.awaitUninterruptibly(5, TimeUnit.SECONDS));
    }
}
