package dev.ferrite.gateway.leak;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

import io.netty.buffer.PooledByteBufAllocator;

/** The leaks {@link RecordingLeakDetector} reported in this JVM and not yet taken. */
public final class LeakReports {

    private static final Queue<String> REPORTS = new ConcurrentLinkedQueue<>();

    private LeakReports() {
    }

    static void record(String report) {
        REPORTS.add(report);
    }

    /**
     * Makes the leaks that have already happened show up: Netty learns of a leaked buffer only
     * once the garbage collector has cleared it, and reports it on a later tracked allocation.
     */
    public static void surface() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            awaitReferenceProcessing();
            allocateTracked();
        }
    }

    /** Removes and returns every report not yet taken. */
    public static List<String> takeAll() {
        return take(report -> true);
    }

    /** Removes and returns the reports that mention {@code marker} (a hint a test touched its buffer with). */
    public static List<String> takeMentioning(String marker) {
        return take(report -> report.contains(marker));
    }

    private static List<String> take(Predicate<String> which) {
        List<String> taken = new ArrayList<>();
        for (String report : REPORTS) {
            if (which.test(report) && REPORTS.remove(report)) {
                taken.add(report);
            }
        }
        return taken;
    }

    private static void allocateTracked() {
        // All buffers share one detector, and any tracked allocation makes it report what the GC cleared.
        // (Not an unpooled heap buffer: Netty does not track those.)
        PooledByteBufAllocator.DEFAULT.heapBuffer(1).release();
    }

    private static void awaitReferenceProcessing() {
        try {
            // Cleared references reach Netty's queue through the JVM's reference handler thread.
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
