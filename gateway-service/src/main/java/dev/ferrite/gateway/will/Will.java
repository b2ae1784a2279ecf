package dev.ferrite.gateway.will;

import java.time.Duration;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttProperties;

/**
 * A client's Will Message, taken from its CONNECT.
 *
 * @param delay MQTT 5 Will Delay Interval; zero publishes at once
 */
public record Will(String clientId, String topic, byte[] payload, int qos, boolean retain, MqttProperties properties,
        Duration delay) {

    private static final int WILL_DELAY_INTERVAL = MqttProperties.MqttPropertyType.WILL_DELAY_INTERVAL.value();

    /** The CONNECT's will, or null when its Will Flag is not set. */
    public static Will of(String clientId, MqttConnectMessage connect) {
        if (!connect.variableHeader().isWillFlag()) {
            return null;
        }
        MqttProperties willProperties = connect.payload().willProperties();
        MqttProperties.MqttProperty<?> delay = willProperties == null ? null
                : willProperties.getProperty(WILL_DELAY_INTERVAL);
        return new Will(clientId, connect.payload().willTopic(), connect.payload().willMessageInBytes(),
                connect.variableHeader().willQos(), connect.variableHeader().isWillRetain(),
                publishProperties(willProperties),
                Duration.ofSeconds(delay == null ? 0 : ((Integer) delay.value()).longValue()));
    }

    /** The will's properties minus Will Delay Interval, which a PUBLISH may not carry (MQTT 5 3.1.3.2). */
    private static MqttProperties publishProperties(MqttProperties willProperties) {
        MqttProperties properties = new MqttProperties();
        if (willProperties != null) {
            willProperties.listAll().stream()
                    .filter(property -> property.propertyId() != WILL_DELAY_INTERVAL)
                    .forEach(properties::add);
        }
        return properties;
    }
}
