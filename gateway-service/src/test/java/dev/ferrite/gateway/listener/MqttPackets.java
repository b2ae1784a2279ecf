package dev.ferrite.gateway.listener;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Raw MQTT packets, byte by byte, for tests that must send what no client library would:
 * each method says which field it writes. Strings are UTF-8 with a two-byte length prefix.
 */
final class MqttPackets {

    static final int PROTOCOL_3_1_1 = 4;
    static final int PROTOCOL_5 = 5;

    private MqttPackets() {
    }

    /** CONNECT, clean session/start, keep-alive 60 s, no will, no credentials; MQTT 5 with no properties. */
    static byte[] connect(int protocolLevel, String clientId) {
        Body body = new Body().string("MQTT").bytes(protocolLevel, 0x02, 0x00, 0x3C);
        if (protocolLevel == PROTOCOL_5) {
            body.bytes(0x00);
        }
        return packet(0x10, body.string(clientId));
    }

    /** CONNECT as {@link #connect} with a will (QoS 0, not retained) on the given topic, written as is. */
    static byte[] connectWithWill(int protocolLevel, String clientId, String willTopic, String willPayload) {
        Body body = new Body().string("MQTT").bytes(protocolLevel, 0x06, 0x00, 0x3C);
        if (protocolLevel == PROTOCOL_5) {
            body.bytes(0x00);
        }
        body.string(clientId);
        if (protocolLevel == PROTOCOL_5) {
            body.bytes(0x00); // will properties
        }
        return packet(0x10, body.string(willTopic).string(willPayload));
    }

    /** SUBSCRIBE with the given first byte (0x82 is the only valid one), one filter at QoS 1. */
    static byte[] subscribe(int firstByte, int protocolLevel, int packetId, String filter) {
        Body body = new Body().packetId(packetId);
        if (protocolLevel == PROTOCOL_5) {
            body.bytes(0x00);
        }
        return packet(firstByte, body.string(filter).bytes(0x01));
    }

    /** PUBLISH with the given QoS bits (0 to 3) and a topic given as raw bytes (which need not be UTF-8). */
    static byte[] publish(int qosBits, int protocolLevel, byte[] topic, String payload) {
        Body body = new Body().rawString(topic);
        if (qosBits > 0) {
            body.packetId(1);
        }
        if (protocolLevel == PROTOCOL_5) {
            body.bytes(0x00);
        }
        return packet(0x30 | (qosBits << 1), body.raw(payload.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] publish(int qosBits, int protocolLevel, String topic, String payload) {
        return publish(qosBits, protocolLevel, topic.getBytes(StandardCharsets.UTF_8), payload);
    }

    /** PUBREL (first byte 0x62) for a packet identifier. */
    static byte[] pubRel(int packetId) {
        return packet(0x62, new Body().packetId(packetId));
    }

    static byte[] pingReq() {
        return new byte[] {(byte) 0xC0, 0x00};
    }

    /** A fixed header with the remaining length encoded as MQTT's variable byte integer, then the body. */
    static byte[] packet(int firstByte, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int remaining = body.out.size();
        do {
            int digit = remaining % 128;
            remaining /= 128;
            out.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        out.writeBytes(body.out.toByteArray());
        return out.toByteArray();
    }

    /** The variable header and payload of a packet. */
    static final class Body {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Body bytes(int... values) {
            for (int value : values) {
                out.write(value);
            }
            return this;
        }

        Body raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        Body packetId(int id) {
            return bytes(id >> 8, id & 0xFF);
        }

        Body string(String text) {
            return rawString(text.getBytes(StandardCharsets.UTF_8));
        }

        Body rawString(byte[] text) {
            return bytes(text.length >> 8, text.length & 0xFF).raw(text);
        }
    }
}
