package dev.ferrite.bench.mqtt;

import java.util.BitSet;

/**
 * The sequence numbers one subscriber received from one publisher: what arrived once, twice,
 * late (after a higher number), and so what never arrived. Used by the subscriber's event loop
 * only.
 */
final class StreamTracker {

    private final BitSet seen = new BitSet();
    private int highest = -1;
    private long duplicates;
    private long outOfOrder;

    /** @return whether this is the first time {@code sequence} arrived */
    boolean record(int sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("negative sequence number " + sequence);
        }
        if (seen.get(sequence)) {
            duplicates++;
            return false;
        }
        seen.set(sequence);
        if (sequence < highest) {
            outOfOrder++;
        } else {
            highest = sequence;
        }
        return true;
    }

    /** @return how many of the first {@code sent} sequence numbers (0 to sent - 1) never arrived */
    long lost(long sent) {
        int end = (int) Math.min(sent, Integer.MAX_VALUE);
        return end - seen.get(0, end).cardinality();
    }

    long duplicates() {
        return duplicates;
    }

    long outOfOrder() {
        return outOfOrder;
    }
}
