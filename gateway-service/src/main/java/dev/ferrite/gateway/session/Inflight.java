package dev.ferrite.gateway.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.ferrite.gateway.routing.Delivery;

/**
 * QoS 1 and 2 deliveries sent and not yet acknowledged, by packet identifier, in the order they
 * were sent (so that a reconnecting client gets them again in that order, MQTT 5 4.4).
 */
final class Inflight {

    /** Where a delivery is in its acknowledgement flow. */
    enum Stage {
        /** PUBLISH sent; waiting for PUBACK (QoS 1) or PUBREC (QoS 2). */
        AWAITING_ACK,
        /** PUBREL sent; waiting for PUBCOMP (QoS 2). */
        AWAITING_COMPLETE
    }

    static final class Entry {
        final int packetId;
        final Delivery delivery;
        Stage stage = Stage.AWAITING_ACK;

        Entry(int packetId, Delivery delivery) {
            this.packetId = packetId;
            this.delivery = delivery;
        }
    }

    private final Map<Integer, Entry> byPacketId = new LinkedHashMap<>();
    private int lastPacketId;

    int size() {
        return byPacketId.size();
    }

    /** Records a delivery under a free packet identifier. @return the identifier */
    int add(Delivery delivery) {
        int packetId = lastPacketId;
        do {
            packetId = packetId == 0xFFFF ? 1 : packetId + 1;
        } while (byPacketId.containsKey(packetId));
        lastPacketId = packetId;
        byPacketId.put(packetId, new Entry(packetId, delivery));
        return packetId;
    }

    Entry get(int packetId) {
        return byPacketId.get(packetId);
    }

    Entry remove(int packetId) {
        return byPacketId.remove(packetId);
    }

    Collection<Entry> inOrder() {
        return byPacketId.values();
    }

    /** Takes out the entries that match, in order. */
    List<Entry> removeIf(Predicate<Entry> condition) {
        List<Entry> removed = new ArrayList<>();
        for (Iterator<Entry> it = byPacketId.values().iterator(); it.hasNext();) {
            Entry entry = it.next();
            if (condition.test(entry)) {
                removed.add(entry);
                it.remove();
            }
        }
        return removed;
    }
}
