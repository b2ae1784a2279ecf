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
    private final ConcurrentMap<String, Pending> pending = new ConcurrentHashMap<>();
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
        Pending waiting = new Pending(will);
        pending.put(will.clientId(), waiting);
        waiting.timer = timer.schedule(() -> {
            if (pending.remove(will.clientId(), waiting)) {
                publish(will);
            }
        }, will.delay().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The client's session ended: a will still waiting for its delay goes out now (MQTT 5 3.1.3.2.2). */
    public void sessionEnded(String clientId) {
        Pending waiting = pending.remove(clientId);
        if (waiting != null) {
            cancel(waiting);
            publish(waiting.will);
        }
    }

    /** The client connected again: a will still waiting for its delay is not sent. */
    public void clientConnected(String clientId) {
        Pending waiting = pending.remove(clientId);
        if (waiting != null) {
            cancel(waiting);
            log.debug("Will of {} cancelled: the client is back within its delay", clientId);
        }
    }

    private void publish(Will will) {
        publisher.publish(Message.of(will.clientId(), will.topic(), will.payload(), will.qos(), will.retain(),
                will.properties(), System.currentTimeMillis()));
        log.debug("Published the will of {} to {}", will.clientId(), will.topic());
    }

    /** The timer may not be set yet; its task then finds the will gone and does nothing. */
    private static void cancel(Pending waiting) {
        ScheduledFuture<?> timer = waiting.timer;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private static final class Pending {
        final Will will;
        volatile ScheduledFuture<?> timer;

        Pending(Will will) {
            this.will = will;
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
