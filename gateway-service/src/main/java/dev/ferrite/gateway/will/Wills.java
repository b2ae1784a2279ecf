package dev.ferrite.gateway.will;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.retained.RetainedMessages;
import dev.ferrite.gateway.routing.Router;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Publishes the wills of clients that went away without a DISCONNECT, at once or after their
 * Will Delay Interval; a client that connects again within that delay cancels its will
 * (MQTT 5 3.1.3.2.2).
 */
@Component
public class Wills implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Wills.class);

    private final Router router;
    private final RetainedMessages retained;
    private final ConcurrentMap<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "will-delay");
        thread.setDaemon(true);
        return thread;
    });

    public Wills(Router router, RetainedMessages retained) {
        this.router = router;
        this.retained = retained;
    }

    /** The client went away without a normal DISCONNECT (or asked for its will with reason 0x04). */
    public void clientLost(Will will) {
        if (will.delay().isZero()) {
            publish(will);
            return;
        }
        pending.put(will.clientId(), timer.schedule(() -> {
            pending.remove(will.clientId());
            publish(will);
        }, will.delay().toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The client connected again: a will still waiting for its delay is not sent. */
    public void clientConnected(String clientId) {
        ScheduledFuture<?> waiting = pending.remove(clientId);
        if (waiting != null && waiting.cancel(false)) {
            log.debug("Will of {} cancelled: the client is back within its delay", clientId);
        }
    }

    private void publish(Will will) {
        MqttPublishMessage message = new MqttPublishMessage(
                new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.valueOf(will.qos()), will.retain(), 0),
                new MqttPublishVariableHeader(will.topic(), -1, will.properties()),
                Unpooled.wrappedBuffer(will.payload()));
        try {
            if (will.retain()) {
                retained.store(message);
            }
            router.publish(will.clientId(), message);
            log.debug("Published the will of {} to {}", will.clientId(), will.topic());
        } finally {
            message.release();
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
