package dev.ferrite.gateway.events;

import java.util.List;
import java.util.function.Consumer;

import dev.ferrite.gateway.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells every {@link BrokerListener} bean what happened. A listener that throws is logged and
 * never breaks the broker path that called it.
 */
@Component
public class BrokerEvents implements BrokerListener {

    private static final Logger log = LoggerFactory.getLogger(BrokerEvents.class);

    private final ObjectProvider<BrokerListener> provider;
    private volatile List<BrokerListener> listeners;

    public BrokerEvents(ObjectProvider<BrokerListener> provider) {
        this.provider = provider;
    }

    @Override
    public void clientConnected(ClientInfo client) {
        each(listener -> listener.clientConnected(client));
    }

    @Override
    public void clientDisconnected(ClientInfo client, String reason) {
        each(listener -> listener.clientDisconnected(client, reason));
    }

    @Override
    public void connectRefused(String clientId, String username, String peerHost, int reasonCode) {
        each(listener -> listener.connectRefused(clientId, username, peerHost, reasonCode));
    }

    @Override
    public void limitExceeded(String limit, String clientId) {
        each(listener -> listener.limitExceeded(limit, clientId));
    }

    @Override
    public void sessionSubscribed(ClientInfo client, String topicFilter, int qos) {
        each(listener -> listener.sessionSubscribed(client, topicFilter, qos));
    }

    @Override
    public void sessionUnsubscribed(ClientInfo client, String topicFilter) {
        each(listener -> listener.sessionUnsubscribed(client, topicFilter));
    }

    @Override
    public void messagePublished(Message message) {
        for (BrokerListener listener : listeners()) {
            try {
                listener.messagePublished(message);
            } catch (RuntimeException e) {
                failed(listener, e);
            }
        }
    }

    @Override
    public void messageDelivered(ClientInfo receiver, Message message, int qos) {
        // The per-message hooks loop by hand: a capturing lambda per call would allocate on the hot path.
        for (BrokerListener listener : listeners()) {
            try {
                listener.messageDelivered(receiver, message, qos);
            } catch (RuntimeException e) {
                failed(listener, e);
            }
        }
    }

    @Override
    public void messageAcked(ClientInfo receiver, Message message, int qos) {
        for (BrokerListener listener : listeners()) {
            try {
                listener.messageAcked(receiver, message, qos);
            } catch (RuntimeException e) {
                failed(listener, e);
            }
        }
    }

    @Override
    public void messageDropped(Message message, String reason) {
        each(listener -> listener.messageDropped(message, reason));
    }

    @Override
    public void deliveryDropped(String receiverId, Message message, String reason) {
        each(listener -> listener.deliveryDropped(receiverId, message, reason));
    }

    private void each(Consumer<BrokerListener> call) {
        for (BrokerListener listener : listeners()) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                failed(listener, e);
            }
        }
    }

    private static void failed(BrokerListener listener, RuntimeException e) {
        log.warn("Broker listener {} failed: {}", listener.getClass().getSimpleName(), e.toString());
    }

    /** Resolved on first use: listeners may themselves need the broker, which needs this. */
    private List<BrokerListener> listeners() {
        List<BrokerListener> resolved = listeners;
        if (resolved == null) {
            resolved = provider.orderedStream().filter(listener -> listener != this).toList();
            listeners = resolved;
        }
        return resolved;
    }
}
