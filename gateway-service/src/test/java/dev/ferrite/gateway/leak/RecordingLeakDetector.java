package dev.ferrite.gateway.leak;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty's leak detector, which also hands every leak it reports to {@link LeakReports} so that
 * a test can fail on it (Netty itself only logs). Installed for the whole test suite by the
 * surefire system property {@code io.netty.customResourceLeakDetector}; Netty calls one of
 * these constructors reflectively.
 */
public class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval, Long.MAX_VALUE);
    }

    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
        super(resourceType, samplingInterval, maxActive);
    }

    /** Reports even when the logger for this class is switched off. */
    @Override
    protected boolean needReport() {
        return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        LeakReports.record(resourceType + " was not released before it was garbage-collected." + records);
        super.reportTracedLeak(resourceType, records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        LeakReports.record(resourceType + " was not released before it was garbage-collected (no access records: "
                + "run with -Dio.netty.leakDetection.level=paranoid to see where it was used).");
        super.reportUntracedLeak(resourceType);
    }
}
