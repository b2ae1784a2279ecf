package dev.ferrite.rules.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one rule on this replica. Only the leaves are counted; {@code matched},
 * {@code failed} and {@code actions.total} are their sums, so a reader never sees parts that
 * do not add up to their total.
 */
public final class RuleMetrics {

    private final LongAdder passed = new LongAdder();
    private final LongAdder failedException = new LongAdder();
    private final LongAdder failedNoResult = new LongAdder();
    private final LongAdder actionsSuccess = new LongAdder();
    private final LongAdder actionsFailed = new LongAdder();
    private final MatchedRate matchedRate = new MatchedRate();

    /** The rule's SQL produced at least one row. */
    public void passed() {
        passed.increment();
    }

    /** The rule threw on the input. */
    public void failedException() {
        failedException.increment();
    }

    /** The rule's WHERE (or FOREACH's INCASE) kept nothing. */
    public void failedNoResult() {
        failedNoResult.increment();
    }

    public void actionSucceeded() {
        actionsSuccess.increment();
    }

    public void actionFailed() {
        actionsFailed.increment();
    }

    public RuleMetricsSnapshot snapshot() {
        return new RuleMetricsSnapshot(passed.sum(), failedException.sum(), failedNoResult.sum(), actionsSuccess.sum(),
                actionsFailed.sum(), matchedRate.current(), matchedRate.max(), matchedRate.last5m());
    }

    public void reset() {
        passed.reset();
        failedException.reset();
        failedNoResult.reset();
        actionsSuccess.reset();
        actionsFailed.reset();
        matchedRate.reset();
    }

    long matched() {
        return passed.sum() + failedException.sum() + failedNoResult.sum();
    }

    void sampleRate(long nanos) {
        matchedRate.sample(matched(), nanos);
    }
}
