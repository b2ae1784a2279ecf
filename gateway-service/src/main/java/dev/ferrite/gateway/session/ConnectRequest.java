package dev.ferrite.gateway.session;

import dev.ferrite.gateway.auth.ConnectCredentials;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttVersion;

/**
 * What a CONNECT asks for, with MQTT's defaults filled in (MQTT 5 3.1.2.11).
 *
 * @param sessionExpiry seconds as asked; for 3.1.1, 0 with clean session and "as long as allowed" without
 * @param receiveMaximum the client's Receive Maximum (65535 when absent)
 * @param maxPacketSize the client's Maximum Packet Size; 0 when absent
 * @param protocolError what breaks MQTT 5's rules for CONNECT properties, or null
 */
record ConnectRequest(MqttVersion version, String clientId, String username, byte[] password, boolean cleanStart,
        int keepAlive, long sessionExpiry, int receiveMaximum, int maxPacketSize, int topicAliasMaximum,
        boolean requestProblemInformation, boolean requestResponseInformation, String protocolError) {

    static final long NEVER_EXPIRES = 0xFFFFFFFFL;

    static ConnectRequest of(MqttConnectMessage connect) {
        MqttVersion version = MqttVersion.fromProtocolNameAndLevel(connect.variableHeader().name(),
                (byte) connect.variableHeader().version());
        boolean cleanStart = connect.variableHeader().isCleanSession();
        String username = connect.variableHeader().hasUserName() ? connect.payload().userName() : null;
        byte[] password = connect.variableHeader().hasPassword() ? connect.payload().passwordInBytes() : null;
        int keepAlive = connect.variableHeader().keepAliveTimeSeconds();
        if (version != MqttVersion.MQTT_5) {
            return new ConnectRequest(version, connect.payload().clientIdentifier(), username, password, cleanStart,
                    keepAlive, cleanStart ? 0 : NEVER_EXPIRES, 65535, 0, 0, true, false, null);
        }
        MqttProperties properties = connect.variableHeader().properties();
        long expiry = Integer.toUnsignedLong(integer(properties, MqttPropertyType.SESSION_EXPIRY_INTERVAL, 0));
        int receiveMaximum = integer(properties, MqttPropertyType.RECEIVE_MAXIMUM, 65535);
        int maxPacketSize = integer(properties, MqttPropertyType.MAXIMUM_PACKET_SIZE, 0);
        boolean maxPacketSizeGiven = properties.getProperty(MqttPropertyType.MAXIMUM_PACKET_SIZE.value()) != null;
        String error = receiveMaximum == 0 ? "Receive Maximum is 0"
                : maxPacketSizeGiven && maxPacketSize == 0 ? "Maximum Packet Size is 0" : null;
        return new ConnectRequest(version, connect.payload().clientIdentifier(), username, password, cleanStart,
                keepAlive, expiry, receiveMaximum, maxPacketSize,
                integer(properties, MqttPropertyType.TOPIC_ALIAS_MAXIMUM, 0),
                integer(properties, MqttPropertyType.REQUEST_PROBLEM_INFORMATION, 1) != 0,
                integer(properties, MqttPropertyType.REQUEST_RESPONSE_INFORMATION, 0) != 0, error);
    }

    boolean v5() {
        return version == MqttVersion.MQTT_5;
    }

    ConnectCredentials credentials(String assignedClientId, java.net.InetSocketAddress peer, String listener,
            boolean loopbackListener) {
        return new ConnectCredentials(assignedClientId, username, password, peer, listener, loopbackListener);
    }

    private static int integer(MqttProperties properties, MqttPropertyType type, int absent) {
        MqttProperties.MqttProperty<?> property = properties.getProperty(type.value());
        return property == null ? absent : (Integer) property.value();
    }
}
