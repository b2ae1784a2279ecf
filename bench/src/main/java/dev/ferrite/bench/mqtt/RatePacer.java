package dev.ferrite.bench.mqtt;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;

/**
 * Drives fixed-rate publishers: one tick per event loop every {@link #TICK_MICROS}, which sends
 * what each of that loop's publishers owes. One task per loop rather than per publisher keeps
 * the generator's own scheduling cost flat however many publishers there are.
 */
final class RatePacer {

    static final long TICK_MICROS = 1_000;
    /** A send this late is still "on time": the lateness is the pacer's, not the broker's. */
    private static final long ON_TIME_NANOS = 2 * TICK_MICROS * 1_000;

    private final List<Future<?>> ticks = new ArrayList<>();

    void start(List<BenchPublisher> publishers) {
        Map<EventLoop, List<BenchPublisher>> byLoop = new IdentityHashMap<>();
        for (BenchPublisher publisher : publishers) {
            byLoop.computeIfAbsent(publisher.channel().eventLoop(), loop -> new ArrayList<>()).add(publisher);
        }
        byLoop.forEach((loop, own) -> ticks.add(loop.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            for (BenchPublisher publisher : own) {
                publisher.sendDue(now, ON_TIME_NANOS);
            }
        }, 0, TICK_MICROS, TimeUnit.MICROSECONDS)));
    }

    void stop() {
        ticks.forEach(tick -> tick.cancel(false));
    }
}
