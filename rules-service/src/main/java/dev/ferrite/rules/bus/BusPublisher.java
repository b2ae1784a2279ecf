package dev.ferrite.rules.bus;

import java.util.concurrent.CompletableFuture;

/** Publishes on the MQTT bus. */
public interface BusPublisher {

    /**
     * Never blocks. The future completes when the gateway acknowledged the message (QoS 1 and 2)
     * or when it was written (QoS 0); exceptionally when it cannot be sent, for example while
     * the gateway is unreachable.
     */
    CompletableFuture<Void> publish(OutboundMessage message);
}
