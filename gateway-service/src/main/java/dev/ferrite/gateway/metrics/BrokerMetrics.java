package dev.ferrite.gateway.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import dev.ferrite.gateway.events.BrokerListener;
import dev.ferrite.gateway.events.ClientInfo;
import dev.ferrite.gateway.message.Message;
import dev.ferrite.gateway.message.SystemTopics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The broker's counters that come from {@link BrokerListener} events: messages published,
 * dropped and delivered, deliveries dropped, clients connected and refused, limits exceeded, and
 * the publish-to-deliver latency. Each is a Micrometer meter as well, read from the same adder.
 *
 * <p>Messages the broker publishes about itself ({@code $SYS/...} and {@code $events/...}) are
 * not counted as published or dropped, as EMQX does not count its {@code $SYS} messages: a node
 * nobody watches would otherwise report dozens of dropped messages a minute.
 */
@Component
public class BrokerMetrics implements BrokerListener {

    private final LongAdder published = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder connected = new LongAdder();
    private final LongAdder disconnected = new LongAdder();
    private final ReasonCounters messagesDropped;
    private final ReasonCounters deliveriesDropped;
    private final ReasonCounters connectRefusals;
    private final ReasonCounters limitsExceeded;
    private final Timer deliveryLatency;

    public BrokerMetrics(MeterRegistry registry) {
        counter(registry, "ferrite.gateway.messages.published", published,
                "Messages that entered the broker (from clients, wills and the REST API)");
        counter(registry, "ferrite.gateway.messages.delivered", delivered, "Deliveries written to subscribers");
        counter(registry, "ferrite.gateway.messages.acked", acked, "QoS 1/2 deliveries acknowledged by subscribers");
        counter(registry, "ferrite.gateway.clients.connected", connected, "Clients whose CONNECT was accepted");
        counter(registry, "ferrite.gateway.clients.disconnected", disconnected, "Connections of accepted clients that ended");
        messagesDropped = new ReasonCounters(registry, "ferrite.gateway.messages.dropped", "reason",
                "Messages that reached nobody", "no_subscribers", "not_authorized");
        deliveriesDropped = new ReasonCounters(registry, "ferrite.gateway.deliveries.dropped", "reason",
                "Deliveries to one subscriber given up", "queue_full", "expired", "qos0_msg", "too_large",
                "session_ended");
        connectRefusals = new ReasonCounters(registry, "ferrite.gateway.connects.refused", "reason_code",
                "CONNECTs refused, by CONNACK reason code (MQTT 5 codes, also for 3.1.1 clients)",
                "0x85", "0x86", "0x87", "0x88", "0x97", "0x9F");
        limitsExceeded = new ReasonCounters(registry, "ferrite.gateway.limits.exceeded", "limit",
                "Requests refused by a limit", "max_connections", "max_connection_rate", "max_publish_rate",
                "max_topic_levels", "max_topic_length", "receive_maximum");
        deliveryLatency = Timer.builder("ferrite.gateway.delivery.latency")
                .description("From a message's arrival to its delivery to a subscriber (retained messages excluded)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
    }

    @Override
    public void clientConnected(ClientInfo client) {
        connected.increment();
    }

    @Override
    public void clientDisconnected(ClientInfo client, String reason) {
        disconnected.increment();
    }

    @Override
    public void connectRefused(String clientId, String username, String peerHost, int reasonCode) {
        connectRefusals.increment(ReasonCodes.hex(reasonCode));
    }

    @Override
    public void limitExceeded(String limit, String clientId) {
        limitsExceeded.increment(limit);
    }

    @Override
    public void messagePublished(Message message) {
        if (!SystemTopics.isSystem(message.topic())) {
            published.increment();
        }
    }

    @Override
    public void messageDelivered(ClientInfo receiver, Message message, int qos) {
        delivered.increment();
        // A retained message may have waited for hours for this subscriber: that is not latency.
        if (!message.retain() && !SystemTopics.isSystem(message.topic())) {
            deliveryLatency.record(Math.max(0, System.currentTimeMillis() - message.receivedAt()), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void messageAcked(ClientInfo receiver, Message message, int qos) {
        acked.increment();
    }

    @Override
    public void messageDropped(Message message, String reason) {
        if (!SystemTopics.isSystem(message.topic())) {
            messagesDropped.increment(reason);
        }
    }

    @Override
    public void deliveryDropped(String receiverId, Message message, String reason) {
        deliveriesDropped.increment(reason);
    }

    public long published() {
        return published.sum();
    }

    public long delivered() {
        return delivered.sum();
    }

    public long acked() {
        return acked.sum();
    }

    public long connected() {
        return connected.sum();
    }

    public long disconnected() {
        return disconnected.sum();
    }

    /** By reason, every reason seen so far. */
    public Map<String, Long> messagesDropped() {
        return messagesDropped.all();
    }

    public Map<String, Long> deliveriesDropped() {
        return deliveriesDropped.all();
    }

    public Map<String, Long> connectRefusals() {
        return connectRefusals.all();
    }

    public Map<String, Long> limitsExceeded() {
        return limitsExceeded.all();
    }

    private static void counter(MeterRegistry registry, String name, LongAdder adder, String description) {
        FunctionCounter.builder(name, adder, LongAdder::sum).description(description).register(registry);
    }
}
