package dev.ferrite.gateway.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;

/** Closing a connection from the server side: MQTT 5 clients are told why first (MQTT 5 3.14). */
final class Disconnects {

    static final byte MALFORMED_PACKET = (byte) 0x81;
    static final byte PROTOCOL_ERROR = (byte) 0x82;
    static final byte NOT_AUTHORIZED = (byte) 0x87;
    static final byte SESSION_TAKEN_OVER = (byte) 0x8E;
    static final byte KEEP_ALIVE_TIMEOUT = (byte) 0x8D;
    static final byte TOPIC_NAME_INVALID = (byte) 0x90;
    static final byte RECEIVE_MAXIMUM_EXCEEDED = (byte) 0x93;
    static final byte TOPIC_ALIAS_INVALID = (byte) 0x94;
    static final byte PACKET_TOO_LARGE = (byte) 0x95;
    static final byte ADMINISTRATIVE_ACTION = (byte) 0x98;
    static final byte SERVER_SHUTTING_DOWN = (byte) 0x8B;

    private Disconnects() {
    }

    /** @param reasonString sent only when the client did not turn Problem Information off; may be null */
    static void send(Connection connection, byte reasonCode, String reasonString) {
        send(connection.channel, connection.v5, reasonCode, reasonString);
    }

    static void send(Channel channel, boolean v5, byte reasonCode, String reasonString) {
        if (!v5 || !channel.isActive()) {
            channel.close();
            return;
        }
        MqttProperties properties = MqttProperties.NO_PROPERTIES;
        if (reasonString != null) {
            properties = new MqttProperties();
            properties.add(new MqttProperties.StringProperty(
                    MqttProperties.MqttPropertyType.REASON_STRING.value(), reasonString));
        }
        channel.writeAndFlush(new MqttMessage(
                new MqttFixedHeader(MqttMessageType.DISCONNECT, false, MqttQoS.AT_MOST_ONCE, false, 0),
                new MqttReasonCodeAndPropertiesVariableHeader(reasonCode, properties)))
                .addListener(ChannelFutureListener.CLOSE);
    }
}
