package dev.ferrite.gateway.session;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;

/** Builds the PUBLISH a session sends to its client; call on the session's event loop (it takes a packet id). */
final class Deliveries {

    private Deliveries() {
    }

    static MqttPublishMessage publish(ClientSession session, String topic, ByteBuf payload, int qos, boolean retain,
            MqttProperties properties) {
        int packetId = qos == 0 ? -1 : session.nextPacketId();
        return new MqttPublishMessage(
                new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.valueOf(qos), retain, 0),
                new MqttPublishVariableHeader(topic, packetId, properties),
                payload);
    }
}
