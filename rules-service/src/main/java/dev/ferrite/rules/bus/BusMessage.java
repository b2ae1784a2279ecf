package dev.ferrite.rules.bus;

import java.util.Map;
import java.util.Set;

/**
 * A message or event that arrived from the gateway, ready for the rules.
 *
 * @param topic the message's topic, or the event's {@code $events/...} topic
 * @param context its fields under EMQX's names
 * @param filters the topic filters (without {@code $share/rules/}) of the subscriptions it came
 *                through, from its Subscription Identifiers; null when the gateway sent none
 */
public record BusMessage(String topic, Map<String, Object> context, Set<String> filters) {
}
