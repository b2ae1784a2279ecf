package dev.ferrite.rules.bus;

import java.util.List;
import java.util.Map;

/**
 * A message rules-service publishes on the bus.
 *
 * @param userProperties MQTT 5 User Property pairs, in order
 */
public record OutboundMessage(String topic, byte[] payload, int qos, boolean retain,
        List<Map.Entry<String, String>> userProperties) {

    public OutboundMessage {
        userProperties = List.copyOf(userProperties);
    }
}
