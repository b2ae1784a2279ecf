package dev.ferrite.gateway.testing;

import java.util.concurrent.TimeUnit;

/**
 * Retries an assertion until it holds: the broker counts on its connections' threads, a moment
 * after the client saw its answer. Fails with the last assertion error after ten seconds.
 */
public final class Eventually {

    private Eventually() {
    }

    public static void check(Runnable assertion) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted", e);
            }
        }
    }
}
