package dev.ferrite.gateway.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;

/** Refusing a CONNECT: the MQTT 5 reason code, or the nearest 3.1.1 return code (MQTT 5 3.2.2.2, 3.1.1 3.2.2.3). */
final class ConnAcks {

    static final int UNSUPPORTED_PROTOCOL_VERSION = 0x84;
    static final int CLIENT_IDENTIFIER_NOT_VALID = 0x85;
    static final int PROTOCOL_ERROR = 0x82;
    static final int BAD_USER_NAME_OR_PASSWORD = 0x86;
    static final int SERVER_UNAVAILABLE = 0x88;
    static final int TOPIC_NAME_INVALID = 0x90;
    static final int QUOTA_EXCEEDED = 0x97;
    static final int CONNECTION_RATE_EXCEEDED = 0x9F;

    private ConnAcks() {
    }

    /** Sends the refusal and closes. @param reason the 5.0 Reason String, or null */
    static void refuse(Channel channel, boolean v5, int reasonCode, String reason) {
        MqttMessageBuilders.ConnAckBuilder connAck = MqttMessageBuilders.connAck().sessionPresent(false);
        if (v5) {
            MqttProperties properties = new MqttProperties();
            if (reason != null) {
                properties.add(new MqttProperties.StringProperty(
                        MqttProperties.MqttPropertyType.REASON_STRING.value(), reason));
            }
            connAck.returnCode(MqttConnectReturnCode.valueOf((byte) reasonCode)).properties(properties);
        } else {
            connAck.returnCode(v3Code(reasonCode));
        }
        channel.writeAndFlush(connAck.build()).addListener(ChannelFutureListener.CLOSE);
    }

    static MqttConnectReturnCode v3Code(int reasonCode) {
        return switch (reasonCode) {
            case UNSUPPORTED_PROTOCOL_VERSION -> MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION;
            case CLIENT_IDENTIFIER_NOT_VALID -> MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED;
            case BAD_USER_NAME_OR_PASSWORD -> MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD;
            case 0x87, 0x8A -> MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED;
            default -> MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE;
        };
    }
}
