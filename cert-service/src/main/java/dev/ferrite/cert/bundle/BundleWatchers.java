package dev.ferrite.cert.bundle;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The watchers of bundle changes and the names each watches; {@link Bundles#watch} adds them. */
@Component
class BundleWatchers {

    private static final Logger log = LoggerFactory.getLogger(BundleWatchers.class);

    private final List<Registration> registrations = new CopyOnWriteArrayList<>();

    /** A watcher of some bundles (every bundle when {@code names} is empty); closing it stops the changes. */
    final class Registration implements AutoCloseable {
        private final Set<String> names;
        private final BundleWatcher watcher;

        private Registration(Set<String> names, BundleWatcher watcher) {
            this.names = Set.copyOf(names);
            this.watcher = watcher;
        }

        boolean watches(String name) {
            return names.isEmpty() || names.contains(name);
        }

        @Override
        public void close() {
            registrations.remove(this);
        }
    }

    Registration add(Set<String> names, BundleWatcher watcher) {
        Registration registration = new Registration(names, watcher);
        registrations.add(registration);
        return registration;
    }

    /**
     * Runs on the thread that changed the bundle, while it still holds {@link Bundles}' lock:
     * changes arrive in order. Synchronized against {@link #stopping} so that a watcher is
     * never called from two threads at once. First of the listeners, so that a failing one
     * after it cannot keep a change from the consumers.
     */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    synchronized void on(BundleChanged change) {
        for (Registration registration : registrations) {
            if (!registration.watches(change.name())) {
                continue;
            }
            try {
                registration.watcher.changed(change);
            } catch (RuntimeException e) {
                log.debug("Dropping a bundle watcher that failed to take a change of '{}': {}", change.name(), e.toString());
                registration.close();
            }
        }
    }

    /** Before the gRPC server stops: ends the streams, which would otherwise hold up its shutdown. */
    @EventListener(ContextClosedEvent.class)
    synchronized void stopping() {
        for (Registration registration : registrations) {
            try {
                registration.watcher.stopping();
            } catch (RuntimeException e) {
                log.debug("A bundle watcher failed to stop: {}", e.toString());
            }
        }
        registrations.clear();
    }
}
