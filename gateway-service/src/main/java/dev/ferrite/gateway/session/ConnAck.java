package dev.ferrite.gateway.session;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;

/**
 * The CONNACK of an accepted CONNECT. For MQTT 5 it tells the client our limits and whatever
 * we changed of its requests (MQTT 5 3.2.2.3).
 */
record ConnAck(ConnectRequest request, String clientId, boolean assignedClientId, long grantedExpiry,
        int keepAlive, SessionProperties settings, int maxPacketSize) {

    MqttConnAckMessage accepted(boolean sessionPresent) {
        MqttMessageBuilders.ConnAckBuilder connAck = MqttMessageBuilders.connAck()
                .returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
                .sessionPresent(sessionPresent);
        if (request.v5()) {
            connAck.properties(properties());
        }
        return connAck.build();
    }

    private MqttProperties properties() {
        MqttProperties properties = new MqttProperties();
        if (assignedClientId) {
            properties.add(new MqttProperties.StringProperty(MqttPropertyType.ASSIGNED_CLIENT_IDENTIFIER.value(), clientId));
        }
        if (grantedExpiry != request.sessionExpiry()) {
            properties.add(integer(MqttPropertyType.SESSION_EXPIRY_INTERVAL, (int) grantedExpiry));
        }
        if (keepAlive != request.keepAlive()) {
            properties.add(integer(MqttPropertyType.SERVER_KEEP_ALIVE, keepAlive));
        }
        properties.add(integer(MqttPropertyType.RECEIVE_MAXIMUM, settings.receiveMaximum()));
        properties.add(integer(MqttPropertyType.MAXIMUM_PACKET_SIZE, maxPacketSize));
        properties.add(integer(MqttPropertyType.TOPIC_ALIAS_MAXIMUM, settings.topicAliasMaximum()));
        if (request.requestResponseInformation()) {
            properties.add(new MqttProperties.StringProperty(MqttPropertyType.RESPONSE_INFORMATION.value(),
                    settings.responseInformation().replace("${clientid}", clientId)));
        }
        return properties;
    }

    private static MqttProperties.IntegerProperty integer(MqttPropertyType type, int value) {
        return new MqttProperties.IntegerProperty(type.value(), value);
    }
}
