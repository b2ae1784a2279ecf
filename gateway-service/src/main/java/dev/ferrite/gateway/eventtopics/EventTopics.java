package dev.ferrite.gateway.eventtopics;

import dev.ferrite.gateway.events.BrokerListener;
import dev.ferrite.gateway.events.ClientInfo;
import dev.ferrite.gateway.message.Message;
import dev.ferrite.gateway.message.SystemTopics;
import dev.ferrite.gateway.node.NodeProperties;
import dev.ferrite.gateway.publish.Publisher;
import dev.ferrite.gateway.routing.SubscriptionIndex;
import dev.ferrite.gateway.session.SessionDirectory;
import dev.ferrite.gateway.session.SessionSnapshot;
import io.netty.handler.codec.mqtt.MqttProperties;

import org.springframework.stereotype.Component;

/**
 * Publishes what happens in the broker as JSON messages on the {@code $events/...} topics, for
 * rules (rules-service subscribes to the ones its rules read), only while something subscribes
 * to the topic. Runs on the thread that reported the event, so a topic nobody wants costs two
 * atomic reads ({@link EventDemand}). Messages on {@code $SYS/} and {@code $events/} topics are
 * never the subject of an event, so events cannot beget events.
 *
 * <p>Event messages go out at QoS 1 (a subscriber receives them at its subscription's QoS, at
 * most 1), so that a rules-service subscribed at QoS 1 gets each at least once.
 */
@Component
public class EventTopics implements BrokerListener {

    /** The publisher id of event messages ({@code from_clientid} if an event were about one). */
    static final String PUBLISHER = "$events";
    private static final int QOS = 1;

    private final Publisher publisher;
    private final SessionDirectory sessions;
    private final EventDemand demand;
    private final EventJson json;

    public EventTopics(Publisher publisher, SessionDirectory sessions, SubscriptionIndex subscriptions,
            NodeProperties node) {
        this.publisher = publisher;
        this.sessions = sessions;
        this.demand = new EventDemand(subscriptions);
        this.json = new EventJson(node.nodeName());
    }

    @Override
    public void clientConnected(ClientInfo client) {
        if (demand.isWanted(EventTopic.CLIENT_CONNECTED)) {
            long now = System.currentTimeMillis();
            publish(EventTopic.CLIENT_CONNECTED, json.clientConnected(client, now), now);
        }
    }

    @Override
    public void clientDisconnected(ClientInfo client, String reason) {
        if (demand.isWanted(EventTopic.CLIENT_DISCONNECTED)) {
            long now = System.currentTimeMillis();
            publish(EventTopic.CLIENT_DISCONNECTED, json.clientDisconnected(client, reason, now), now);
        }
    }

    @Override
    public void sessionSubscribed(ClientInfo client, String topicFilter, int qos) {
        demand.subscriptionsChanged(topicFilter);
        if (demand.isWanted(EventTopic.SESSION_SUBSCRIBED)) {
            long now = System.currentTimeMillis();
            publish(EventTopic.SESSION_SUBSCRIBED,
                    json.subscription(EventTopic.SESSION_SUBSCRIBED, client, topicFilter, qos, now), now);
        }
    }

    @Override
    public void sessionUnsubscribed(ClientInfo client, String topicFilter) {
        demand.subscriptionsChanged(topicFilter);
        if (demand.isWanted(EventTopic.SESSION_UNSUBSCRIBED)) {
            long now = System.currentTimeMillis();
            publish(EventTopic.SESSION_UNSUBSCRIBED,
                    json.subscription(EventTopic.SESSION_UNSUBSCRIBED, client, topicFilter, -1, now), now);
        }
    }

    @Override
    public void messageDelivered(ClientInfo receiver, Message message, int qos) {
        if (!SystemTopics.isSystem(message.topic()) && demand.isWanted(EventTopic.MESSAGE_DELIVERED)) {
            long now = System.currentTimeMillis();
            publish(EventTopic.MESSAGE_DELIVERED, json.delivery(EventTopic.MESSAGE_DELIVERED, receiver.clientId(),
                    receiver, message, qos, null, now), now);
        }
    }

    @Override
    public void messageAcked(ClientInfo receiver, Message message, int qos) {
        if (!SystemTopics.isSystem(message.topic()) && demand.isWanted(EventTopic.MESSAGE_ACKED)) {
            long now = System.currentTimeMillis();
            publish(EventTopic.MESSAGE_ACKED, json.delivery(EventTopic.MESSAGE_ACKED, receiver.clientId(), receiver,
                    message, qos, null, now), now);
        }
    }

    @Override
    public void messageDropped(Message message, String reason) {
        if (!SystemTopics.isSystem(message.topic()) && demand.isWanted(EventTopic.MESSAGE_DROPPED)) {
            long now = System.currentTimeMillis();
            publish(EventTopic.MESSAGE_DROPPED,
                    json.messageDropped(message, lastConnection(message.publisherId()), reason, now), now);
        }
    }

    @Override
    public void deliveryDropped(String receiverId, Message message, String reason) {
        if (!SystemTopics.isSystem(message.topic()) && demand.isWanted(EventTopic.DELIVERY_DROPPED)) {
            long now = System.currentTimeMillis();
            publish(EventTopic.DELIVERY_DROPPED, json.delivery(EventTopic.DELIVERY_DROPPED, receiverId,
                    lastConnection(receiverId), message, message.qos(), reason, now), now);
        }
    }

    private void publish(EventTopic topic, byte[] payload, long now) {
        long generation = demand.generation();
        int reached = publisher.publish(
                Message.of(PUBLISHER, topic.topic(), payload, QOS, false, MqttProperties.NO_PROPERTIES, now));
        if (reached == 0) {
            demand.reachedNobody(topic, generation);
        }
    }

    private ClientInfo lastConnection(String clientId) {
        return sessions.find(clientId).map(SessionSnapshot::client).orElse(null);
    }
}
