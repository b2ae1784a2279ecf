package dev.ferrite.bench.mqtt;

/**
 * The packet identifiers of one publisher's unacknowledged QoS 1 and 2 messages. Used by the
 * publisher's event loop only.
 */
final class PacketIds {

    static final int MAX_IN_USE = 65_535;

    private final boolean[] inUse = new boolean[MAX_IN_USE + 1];
    private int last;
    private int count;
    private long unknownAcks;

    /** @return a free identifier (1 to 65535); call only while {@link #inUse()} is below {@link #MAX_IN_USE} */
    int take() {
        if (count >= MAX_IN_USE) {
            throw new IllegalStateException("all 65535 packet identifiers are in use");
        }
        do {
            last = last == MAX_IN_USE ? 1 : last + 1;
        } while (inUse[last]);
        inUse[last] = true;
        count++;
        return last;
    }

    /** Frees an identifier the broker acknowledged; counts acknowledgements for identifiers not in use. */
    void release(int id) {
        if (id > 0 && id <= MAX_IN_USE && inUse[id]) {
            inUse[id] = false;
            count--;
        } else {
            unknownAcks++;
        }
    }

    int inUse() {
        return count;
    }

    long unknownAcks() {
        return unknownAcks;
    }
}
