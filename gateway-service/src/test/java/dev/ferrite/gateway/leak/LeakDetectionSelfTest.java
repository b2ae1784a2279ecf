package dev.ferrite.gateway.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import org.junit.jupiter.api.Test;

/**
 * Proves that the suite's leak check works: a buffer leaked on purpose is reported, and the
 * report would fail its class. The test takes only its own report, so the build stays green and
 * leaks of other classes still fail them.
 */
class LeakDetectionSelfTest {

    @Test
    void theSuiteRunsWithParanoidLeakDetectionThroughTheRecordingDetector() {
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
        assertThat(ResourceLeakDetectorFactory.instance().newResourceLeakDetector(ByteBuf.class))
                .isInstanceOf(RecordingLeakDetector.class);
    }

    @Test
    void aLeakedBufferIsReportedAndFailsTheClassThatLeakedIt() {
        String marker = "deliberate-leak-" + UUID.randomUUID();

        leakABuffer(marker);
        List<String> reports = awaitReportsMentioning(marker);

        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).contains(marker).contains("leakABuffer");
        assertThatThrownBy(() -> FailOnNettyLeaks.failIfAny("LeakDetectionSelfTest", reports))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 Netty buffer leak(s)")
                .hasMessageContaining(marker);
    }

    @Test
    void aReleasedBufferIsNotReported() {
        String marker = "released-" + UUID.randomUUID();
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.buffer(16);
        buffer.touch(marker);
        buffer.release();

        LeakReports.surface();

        assertThat(LeakReports.takeMentioning(marker)).isEmpty();
    }

    private static void leakABuffer(String marker) {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.buffer(16);
        buffer.writeInt(42);
        buffer.touch(marker);
        // no release: the buffer becomes garbage with a reference count of 1
    }

    private static List<String> awaitReportsMentioning(String marker) {
        List<String> reports = new ArrayList<>();
        // A full GC clears the buffer almost always at once; a few rounds cover a busy collector.
        for (int round = 0; round < 20 && reports.isEmpty(); round++) {
            LeakReports.surface();
            reports.addAll(LeakReports.takeMentioning(marker));
        }
        return reports;
    }
}
