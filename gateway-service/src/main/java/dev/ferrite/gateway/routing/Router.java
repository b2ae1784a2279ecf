package dev.ferrite.gateway.routing;

import java.util.List;
import java.util.Map;

import io.netty.handler.codec.mqtt.MqttPublishMessage;

import org.springframework.stereotype.Component;

/** Routes a PUBLISH to the clients whose subscriptions match its topic. */
@Component
public class Router {

    private final SubscriptionIndex subscriptions;
    private final Outbound outbound;

    public Router(SubscriptionIndex subscriptions, Outbound outbound) {
        this.subscriptions = subscriptions;
        this.outbound = outbound;
    }

    /** @return how many deliveries were handed to sessions */
    public int publish(String publisherId, MqttPublishMessage message) {
        Matches matches = subscriptions.match(message.variableHeader().topicName());
        int publishedQos = message.fixedHeader().qosLevel().value();
        boolean retained = message.fixedHeader().isRetain();
        int delivered = 0;
        for (Map.Entry<String, Matches.ClientMatch> match : matches.clients().entrySet()) {
            boolean ownMessage = match.getKey().equals(publisherId);
            if (ownMessage && match.getValue().noLocal()) {
                continue;
            }
            boolean retain = retained && match.getValue().retainAsPublished();
            if (outbound.deliver(match.getKey(), message, Math.min(publishedQos, match.getValue().qos()), retain)) {
                delivered++;
            }
        }
        for (List<Subscription> group : matches.shared().values()) {
            delivered += deliverToOneMember(group, message, publishedQos, retained) ? 1 : 0;
        }
        return delivered;
    }

    /** The first connected member, starting at a rotating offset so that members share the load. */
    private boolean deliverToOneMember(List<Subscription> members, MqttPublishMessage message, int publishedQos,
            boolean retained) {
        int start = Math.floorMod(Long.hashCode(System.nanoTime()), members.size());
        for (int i = 0; i < members.size(); i++) {
            Subscription member = members.get((start + i) % members.size());
            if (outbound.deliver(member.clientId(), message, Math.min(publishedQos, member.qos()),
                    retained && member.retainAsPublished())) {
                return true;
            }
        }
        return false;
    }
}
