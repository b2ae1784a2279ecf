package dev.ferrite.tls.reload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.ferrite.tls.pem.Loaded;
import dev.ferrite.tls.pem.PemFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads material from PEM files, hands it to its user, and does so again whenever one of the
 * files changes. A change that cannot be loaded is refused and reported; what was loaded
 * before stays in use until the files are fixed.
 */
public final class PemReloader<T> {

    public enum Outcome { UNCHANGED, RELOADED, REFUSED }

    private static final Logger log = LoggerFactory.getLogger(PemReloader.class);

    private final String what;
    private final WatchedFiles files;
    private final Supplier<Loaded<T>> loader;
    private final Consumer<T> user;
    private final ReloadListener listener;

    /**
     * Loads at once: a problem here is a {@link PemFileException} for the caller to stop on, and
     * validity warnings of this first load go to {@link ReloadListener#reloaded} like later ones.
     *
     * @param what names the material in reports ("listener ssl:default certificate")
     * @param loader reads and checks the files, throwing {@link PemFileException}
     * @param user takes each loaded value (a key or trust manager's {@code swap})
     */
    public PemReloader(String what, List<Path> files, Supplier<Loaded<T>> loader, Consumer<T> user,
            ReloadListener listener) {
        this.what = what;
        this.files = new WatchedFiles(files);
        this.loader = loader;
        this.user = user;
        this.listener = listener;
        Loaded<T> first = loader.get();
        user.accept(first.value());
        if (first.hasWarnings()) {
            listener.reloaded(what, first.warnings());
        }
    }

    /** Looks at the files once and reloads when they changed. */
    public synchronized Outcome check() {
        if (!files.changedSinceLastLook()) {
            return Outcome.UNCHANGED;
        }
        Loaded<T> loaded;
        try {
            loaded = loader.get();
        } catch (PemFileException e) {
            log.warn("Keeping the {} in use: {}", what, e.getMessage());
            listener.refused(what, e);
            return Outcome.REFUSED;
        }
        user.accept(loaded.value());
        log.info("Reloaded the {} from {}", what, files.files());
        listener.reloaded(what, loaded.warnings());
        return Outcome.RELOADED;
    }

    /** Polls every {@code interval} on {@code scheduler} until the returned future is cancelled. */
    public ScheduledFuture<?> pollEvery(Duration interval, ScheduledExecutorService scheduler) {
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                log.error("Cannot check the files of the {}", what, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
}
