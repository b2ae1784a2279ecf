package dev.ferrite.gateway.sys;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.message.Message;
import dev.ferrite.gateway.publish.Publisher;
import io.netty.handler.codec.mqtt.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes the {@code $SYS} topics at start and then every {@code ferrite.gateway.sys-interval},
 * retained (as Mosquitto does) so that a new subscriber sees the latest values at once. QoS 0:
 * the next round replaces anything lost.
 */
@Component
class SysTopics implements SmartLifecycle {

    /** The broker's own publisher id for these messages, as EMQX's. */
    static final String PUBLISHER = "$SYS";
    private static final Logger log = LoggerFactory.getLogger(SysTopics.class);

    private final SysProperties properties;
    private final SysMessages messages;
    private final Publisher publisher;
    private ScheduledExecutorService timer;

    SysTopics(SysProperties properties, SysMessages messages, Publisher publisher) {
        this.properties = properties;
        this.messages = messages;
        this.publisher = publisher;
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled()) {
            return;
        }
        publishAll();
        long millis = properties.sysInterval().toMillis();
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sys-topics");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::publishAllSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void publishAllSafely() {
        try {
            publishAll();
        } catch (RuntimeException e) {
            // A failed round must not end the schedule; the next one tries again.
            log.warn("Publishing the $SYS topics failed: {}", e.toString());
        }
    }

    private void publishAll() {
        long now = System.currentTimeMillis();
        messages.current(Instant.ofEpochMilli(now)).forEach((topic, value) -> publisher.publish(Message.of(PUBLISHER,
                topic, value.getBytes(StandardCharsets.UTF_8), 0, true, MqttProperties.NO_PROPERTIES, now)));
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
