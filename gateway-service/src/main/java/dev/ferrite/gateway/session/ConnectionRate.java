package dev.ferrite.gateway.session;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/** {@code ferrite.gateway.limits.max-connection-rate}: CONNECTs per second, per listener. */
@Component
class ConnectionRate {

    private final int perSecond;
    private final ConcurrentMap<String, TokenBucket> byListener = new ConcurrentHashMap<>();

    ConnectionRate(LimitProperties limits) {
        this.perSecond = limits.maxConnectionRate();
    }

    /** @return whether a CONNECT on this listener is within the rate */
    boolean tryAcquire(String listener) {
        if (perSecond == 0) {
            return true;
        }
        TokenBucket bucket = byListener.computeIfAbsent(listener, name -> new TokenBucket(perSecond));
        synchronized (bucket) {
            return bucket.tryTake();
        }
    }
}
