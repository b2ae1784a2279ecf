package dev.ferrite.gateway.routing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ferrite.gateway.message.Message;

/** Routes a message to the sessions whose subscriptions match its topic. */
public class Router {

    private final SubscriptionIndex subscriptions;
    private final Outbound outbound;
    private final SharedStrategy strategy;
    private final ConcurrentMap<Matches.SharedKey, AtomicInteger> turns = new ConcurrentHashMap<>();
    private final ConcurrentMap<Matches.SharedKey, String> stickyMembers = new ConcurrentHashMap<>();

    public Router(SubscriptionIndex subscriptions, Outbound outbound, SharedStrategy strategy) {
        this.subscriptions = subscriptions;
        this.outbound = outbound;
        this.strategy = strategy;
    }

    /** @return how many sessions the message was handed to */
    public int publish(Message message) {
        Matches matches = subscriptions.match(message.topic());
        int delivered = 0;
        for (Map.Entry<String, Matches.ClientMatch> match : matches.clients().entrySet()) {
            Matches.ClientMatch client = match.getValue();
            if (client.noLocal() && match.getKey().equals(message.publisherId())) {
                continue;
            }
            Delivery delivery = new Delivery(message, Math.min(message.qos(), client.qos()),
                    message.retain() && client.retainAsPublished(), client.subscriptionIdentifiers(), null);
            if (outbound.deliver(match.getKey(), delivery)) {
                delivered++;
            }
        }
        for (Map.Entry<Matches.SharedKey, List<Subscription>> group : matches.shared().entrySet()) {
            delivered += deliverToGroup(group.getKey(), group.getValue(), message, null) ? 1 : 0;
        }
        return delivered;
    }

    /**
     * Gives a shared delivery that a member did not acknowledge to another member of its group
     * (MQTT 5 4.8.2).
     *
     * @return whether some other member took it
     */
    public boolean redispatch(Delivery delivery, String leavingMember) {
        Matches.SharedKey key = delivery.shareGroup();
        List<Subscription> members = subscriptions.match(delivery.message().topic()).shared().get(key);
        return members != null && deliverToGroup(key, members, delivery.message(), leavingMember);
    }

    private boolean deliverToGroup(Matches.SharedKey key, List<Subscription> members, Message message, String excluded) {
        int start = firstChoice(key, members, message);
        // Connected members first, so that a message does not wait in an offline member's queue.
        for (boolean connectedOnly : new boolean[] {true, false}) {
            for (int i = 0; i < members.size(); i++) {
                Subscription member = members.get((start + i) % members.size());
                if (member.clientId().equals(excluded) || (connectedOnly && !outbound.isConnected(member.clientId()))) {
                    continue;
                }
                Delivery delivery = new Delivery(message, Math.min(message.qos(), member.qos()),
                        message.retain() && member.retainAsPublished(), subscriptionIds(member), key);
                if (outbound.deliver(member.clientId(), delivery)) {
                    if (strategy == SharedStrategy.STICKY) {
                        stickyMembers.put(key, member.clientId());
                    }
                    return true;
                }
            }
        }
        return false;
    }

    private int firstChoice(Matches.SharedKey key, List<Subscription> members, Message message) {
        return switch (strategy) {
            case ROUND_ROBIN -> Math.floorMod(turns.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement(),
                    members.size());
            case RANDOM -> ThreadLocalRandom.current().nextInt(members.size());
            case HASH_CLIENTID -> Math.floorMod(message.publisherId().hashCode(), members.size());
            case STICKY -> {
                String sticky = stickyMembers.get(key);
                for (int i = 0; sticky != null && i < members.size(); i++) {
                    if (members.get(i).clientId().equals(sticky)) {
                        yield i;
                    }
                }
                yield 0;
            }
        };
    }

    private static List<Integer> subscriptionIds(Subscription member) {
        return member.subscriptionIdentifier() == 0 ? List.of() : List.of(member.subscriptionIdentifier());
    }
}
