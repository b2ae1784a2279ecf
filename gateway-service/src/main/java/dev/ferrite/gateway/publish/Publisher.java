package dev.ferrite.gateway.publish;

import dev.ferrite.gateway.events.BrokerEvents;
import dev.ferrite.gateway.message.Message;
import dev.ferrite.gateway.retained.RetainedMessages;
import dev.ferrite.gateway.routing.Router;

import org.springframework.stereotype.Component;

/**
 * The one way a message enters the broker, whoever publishes it (a client, a will, the REST
 * API, {@code $SYS}, {@code $events}): it is retained if asked, routed, and told to listeners.
 */
@Component
public class Publisher {

    private final Router router;
    private final RetainedMessages retained;
    private final BrokerEvents events;

    public Publisher(Router router, RetainedMessages retained, BrokerEvents events) {
        this.router = router;
        this.retained = retained;
        this.events = events;
    }

    /** @return how many sessions it was handed to */
    public int publish(Message message) {
        events.messagePublished(message);
        if (message.retain()) {
            retained.store(message);
        }
        int delivered = router.publish(message);
        if (delivered == 0) {
            events.messageDropped(message, "no_subscribers");
        }
        return delivered;
    }
}
