package dev.ferrite.gateway.session;

/**
 * A token bucket with one second's worth of burst, for the rate limits. Not thread-safe: a
 * connection's own bucket is used on its event loop, a shared one under a lock.
 */
final class TokenBucket {

    static final TokenBucket UNLIMITED = new TokenBucket(0);

    private final int perSecond;
    private double tokens;
    private long lastRefill = System.nanoTime();

    /** @param perSecond 0 for no limit */
    TokenBucket(int perSecond) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
    }

    /** Takes a token, going into debt if need be. @return nanoseconds until the debt is paid, 0 when there was none */
    long take() {
        if (perSecond == 0) {
            return 0;
        }
        refill();
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) (-tokens * 1e9 / perSecond);
    }

    /** Takes a token only if there is one. */
    boolean tryTake() {
        if (perSecond == 0) {
            return true;
        }
        refill();
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(perSecond, tokens + (now - lastRefill) * perSecond / 1e9);
        lastRefill = now;
    }
}
