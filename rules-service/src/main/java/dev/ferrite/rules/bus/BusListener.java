package dev.ferrite.rules.bus;

import java.util.concurrent.CompletableFuture;

/** Receives what arrives from the gateway. */
public interface BusListener {

    /**
     * Called on the bus's receiving thread, one message at a time, in order. Must not block.
     *
     * @return completes when everything the message caused has finished (its actions'
     *         publishes acknowledged); only then is the message acknowledged to the gateway
     */
    CompletableFuture<Void> onMessage(BusMessage message);
}
