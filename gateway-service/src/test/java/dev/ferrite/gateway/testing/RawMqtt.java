package dev.ferrite.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** MQTT 3.1.1 packets as bytes, for tests that count exactly what went over the wire. */
public final class RawMqtt {

    private RawMqtt() {
    }

    /** CONNECT, clean session, keep alive 60 s. */
    public static byte[] connect(String clientId) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3C});
        string(body, clientId);
        return packet(0x10, body.toByteArray());
    }

    public static byte[] publishQos0(String topic, String payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, topic);
        body.writeBytes(payload.getBytes(StandardCharsets.UTF_8));
        return packet(0x30, body.toByteArray());
    }

    public static byte[] subscribe(int packetId, String filter, int qos) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(packetId >> 8);
        body.write(packetId & 0xFF);
        string(body, filter);
        body.write(qos);
        return packet(0x82, body.toByteArray());
    }

    public static byte[] disconnect() {
        return new byte[] {(byte) 0xE0, 0x00};
    }

    private static void string(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    /** Remaining lengths under 128 only, which is all these tests need. */
    private static byte[] packet(int firstByte, byte[] body) {
        if (body.length > 127) {
            throw new IllegalArgumentException("keep test packets under 128 bytes");
        }
        byte[] packet = new byte[2 + body.length];
        packet[0] = (byte) firstByte;
        packet[1] = (byte) body.length;
        System.arraycopy(body, 0, packet, 2, body.length);
        return packet;
    }
}
