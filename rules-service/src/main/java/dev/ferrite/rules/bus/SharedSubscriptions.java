package dev.ferrite.rules.bus;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions rules-service holds: {@code $share/rules/<filter>} at QoS 1 for exactly the
 * filters it is asked for. Each filter gets its own Subscription Identifier, so that a message
 * arriving says which filters it came through (see {@link #filtersOf}). Used from the bus's one
 * thread, except {@link #filtersOf}.
 */
final class SharedSubscriptions {

    static final String SHARE_PREFIX = "$share/rules/";
    private static final int MAX_SUBSCRIPTION_IDENTIFIER = 268_435_455;

    private static final Logger log = LoggerFactory.getLogger(SharedSubscriptions.class);

    private final long timeoutMillis;
    private final AtomicInteger nextIdentifier = new AtomicInteger();
    private final Map<Integer, String> filterById = new ConcurrentHashMap<>();
    private final Map<String, Integer> idByFilter = new HashMap<>();
    private Set<String> wanted = Set.of();
    private final Set<String> held = new HashSet<>();

    SharedSubscriptions(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    void want(Set<String> filters) {
        wanted = Set.copyOf(filters);
    }

    Set<String> held() {
        return Set.copyOf(held);
    }

    /** The connection is gone, and the gateway ends its session with it: nothing is held any more. */
    void lost() {
        held.clear();
    }

    /** Subscribes and unsubscribes until what is held is what is wanted; what fails is retried at the next call. */
    void apply(MqttAsyncClient client) {
        for (String filter : held.stream().filter(f -> !wanted.contains(f)).toList()) {
            try {
                client.unsubscribe(SHARE_PREFIX + filter).waitForCompletion(timeoutMillis);
                log.info("Unsubscribed from {}{}", SHARE_PREFIX, filter);
            } catch (MqttException e) {
                log.warn("Could not unsubscribe from {}{}: {}", SHARE_PREFIX, filter, e.toString());
            }
            held.remove(filter);
            Integer id = idByFilter.remove(filter);
            if (id != null) {
                filterById.remove(id);
            }
        }
        for (String filter : wanted.stream().filter(f -> !held.contains(f)).sorted().toList()) {
            subscribe(client, filter);
        }
    }

    private void subscribe(MqttAsyncClient client, String filter) {
        int id = idByFilter.computeIfAbsent(filter, f -> {
            int next = nextIdentifier.updateAndGet(n -> n >= MAX_SUBSCRIPTION_IDENTIFIER ? 1 : n + 1);
            filterById.put(next, f);
            return next;
        });
        MqttSubscription subscription = new MqttSubscription(SHARE_PREFIX + filter, 1);
        // The retain flag a rule sees (flags.retain) is the publisher's.
        subscription.setRetainAsPublished(true);
        MqttProperties properties = new MqttProperties();
        properties.setSubscriptionIdentifier(id);
        try {
            IMqttToken token = client.subscribe(new MqttSubscription[] {subscription}, null, null, properties);
            token.waitForCompletion(timeoutMillis);
            int[] codes = token.getReasonCodes();
            if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                log.warn("The gateway refused the subscription {}{} (reason code 0x{}); retrying later", SHARE_PREFIX,
                        filter, Integer.toHexString(codes[0]));
                return;
            }
            held.add(filter);
            log.info("Subscribed to {}{} (subscription identifier {})", SHARE_PREFIX, filter, id);
        } catch (MqttException e) {
            log.warn("Could not subscribe to {}{}: {}; retrying later", SHARE_PREFIX, filter, e.toString());
        }
    }

    /** The filters of the given Subscription Identifiers; null when there are none (the gateway did not send them). */
    Set<String> filtersOf(List<Integer> identifiers) {
        if (identifiers == null || identifiers.isEmpty()) {
            return null;
        }
        Set<String> filters = new LinkedHashSet<>();
        for (Integer id : identifiers) {
            String filter = filterById.get(id);
            if (filter != null) {
                filters.add(filter);
            }
        }
        return filters;
    }
}
