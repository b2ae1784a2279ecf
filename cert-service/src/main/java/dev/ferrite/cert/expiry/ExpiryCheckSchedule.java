package dev.ferrite.cert.expiry;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the expiry check once at start and then every {@code ferrite.cert.expiry-check-interval}. */
@Component
class ExpiryCheckSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiryCheckSchedule.class);

    private final ExpiryMonitor monitor;
    private final ExpiryProperties properties;
    private ScheduledExecutorService executor;

    ExpiryCheckSchedule(ExpiryMonitor monitor, ExpiryProperties properties) {
        this.monitor = monitor;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cert-expiry-check");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::checkQuietly, 0, properties.expiryCheckInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        executor.shutdownNow();
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** A failed check must not end the schedule, as an escaping exception would. */
    private void checkQuietly() {
        try {
            monitor.check();
        } catch (RuntimeException e) {
            log.warn("The certificate expiry check failed; it runs again in {}: {}", properties.expiryCheckInterval(),
                    e.toString());
        }
    }
}
