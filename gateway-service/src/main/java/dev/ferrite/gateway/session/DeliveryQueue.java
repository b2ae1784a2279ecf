package dev.ferrite.gateway.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import dev.ferrite.gateway.routing.Delivery;

/**
 * The deliveries a session holds back, beyond its in-flight window or while its client is away.
 * Bounded by count and by payload bytes; when full, the oldest go first, as in EMQX.
 */
final class DeliveryQueue {

    private final int maxMessages;
    private final long maxBytes;
    private final ArrayDeque<Delivery> deliveries = new ArrayDeque<>();
    private long bytes;
    private long dropped;

    DeliveryQueue(int maxMessages, long maxBytes) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /** @return the deliveries dropped to make room (possibly the new one itself), oldest first */
    List<Delivery> add(Delivery delivery) {
        List<Delivery> droppedNow = List.of();
        int size = delivery.message().payload().length;
        if (maxMessages == 0 || size > maxBytes) {
            dropped++;
            return List.of(delivery);
        }
        while (deliveries.size() >= maxMessages || bytes + size > maxBytes) {
            if (droppedNow.isEmpty()) {
                droppedNow = new ArrayList<>(1);
            }
            droppedNow.add(poll());
            dropped++;
        }
        deliveries.addLast(delivery);
        bytes += size;
        return droppedNow;
    }

    Delivery peek() {
        return deliveries.peekFirst();
    }

    Delivery poll() {
        Delivery delivery = deliveries.pollFirst();
        if (delivery != null) {
            bytes -= delivery.message().payload().length;
        }
        return delivery;
    }

    /** Takes every delivery out, oldest first. */
    List<Delivery> drain() {
        List<Delivery> all = new ArrayList<>(deliveries);
        deliveries.clear();
        bytes = 0;
        return all;
    }

    boolean isEmpty() {
        return deliveries.isEmpty();
    }

    int size() {
        return deliveries.size();
    }

    long dropped() {
        return dropped;
    }
}
