package dev.ferrite.gateway.routing;

import java.util.List;

import dev.ferrite.gateway.message.Message;

/**
 * A message on its way to one subscriber.
 *
 * @param qos the QoS granted for this delivery (at most the published one)
 * @param retain the RETAIN flag to send (set for Retain As Published subscriptions and retained messages on subscribe)
 * @param subscriptionIdentifiers MQTT 5 Subscription Identifiers of the matching subscriptions
 * @param shareGroup the share group it was delivered through, or null; a member that leaves
 *                   before acknowledging hands it back to the group
 */
public record Delivery(Message message, int qos, boolean retain, List<Integer> subscriptionIdentifiers,
        Matches.SharedKey shareGroup) {

    public static Delivery of(Message message, int qos, boolean retain) {
        return new Delivery(message, qos, retain, List.of(), null);
    }
}
