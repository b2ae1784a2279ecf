package dev.ferrite.gateway.will;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.message.Message;
import dev.ferrite.gateway.publish.Publisher;
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

    private final Publisher publisher;
    private final ConcurrentMap<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "will-delay");
        thread.setDaemon(true);
        return thread;
    });

    public Wills(Publisher publisher) {
        this.publisher = publisher;
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
        publisher.publish(Message.of(will.clientId(), will.topic(), will.payload(), will.qos(), will.retain(),
                will.properties(), System.currentTimeMillis()));
        log.debug("Published the will of {} to {}", will.clientId(), will.topic());
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
