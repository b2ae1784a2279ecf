package dev.ferrite.bench.mqtt;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import io.netty.channel.Channel;

/**
 * Opens many connections with at most {@code concurrency} waiting for their CONNACK at once, so
 * that a burst does not overflow the broker's listen backlog (Mosquitto's is 100).
 */
final class ConnectionOpener {

    private final int concurrency;
    private final int maxFailures;

    /** @param maxFailures stop starting new connections after this many failed */
    ConnectionOpener(int concurrency, int maxFailures) {
        this.concurrency = concurrency;
        this.maxFailures = maxFailures;
    }

    /**
     * @param count how many connections to open
     * @param connect opens connection {@code i}
     */
    Outcome open(int count, IntFunction<CompletableFuture<Channel>> connect) throws InterruptedException {
        Channel[] channels = new Channel[count];
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        int started = 0;
        while (started < count && failures.get() < maxFailures) {
            slots.acquire();
            int index = started++;
            connect.apply(index).whenComplete((channel, failure) -> {
                if (failure == null) {
                    channels[index] = channel;
                } else {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, failure);
                }
                slots.release();
            });
        }
        slots.acquire(concurrency); // every attempt has finished, and its channel is visible here
        long elapsed = System.nanoTime() - start;
        return new Outcome(channels, started - failures.get(), failures.get(), firstFailure.get(), elapsed);
    }

    /**
     * @param channels by index; null where the connection failed or was never attempted
     * @param firstFailure why the first failed connection failed, or null
     */
    record Outcome(Channel[] channels, int connected, int failed, Throwable firstFailure, long elapsedNanos) {

        double perSecond() {
            return connected * 1e9 / Math.max(1, elapsedNanos);
        }

        /** Throws unless every connection was opened. */
        Outcome requireAll(String what) {
            if (failed > 0 || connected < channels.length) {
                throw new IllegalStateException(connected + " of " + channels.length + " " + what + " connected; first failure: "
                        + firstFailure, firstFailure);
            }
            return this;
        }
    }
}
