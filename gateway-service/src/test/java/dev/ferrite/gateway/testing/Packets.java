package dev.ferrite.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * MQTT packets written byte by byte, for the cases a client library would hide or refuse to
 * send (duplicates, missing acknowledgements, bad aliases). Independent of the gateway's codec
 * on purpose. {@code v5} selects MQTT 5.0's layout; otherwise 3.1.1's.
 */
public final class Packets {

    public static final int CONNACK = 2;
    public static final int PUBLISH = 3;
    public static final int PUBACK = 4;
    public static final int PUBREC = 5;
    public static final int PUBREL = 6;
    public static final int PUBCOMP = 7;
    public static final int SUBACK = 9;
    public static final int UNSUBACK = 11;
    public static final int PINGRESP = 13;
    public static final int DISCONNECT = 14;

    private Packets() {
    }

    /** A CONNECT; start with {@link #connect(String)}, finish with {@link Connect#bytes()}. */
    public static Connect connect(String clientId) {
        return new Connect(clientId);
    }

    /** The fields of a CONNECT, MQTT 3.1.1 with clean session and keep alive 60 unless told otherwise. */
    public static final class Connect {
        private final String clientId;
        private String protocolName = "MQTT";
        private int level = 4;
        private boolean cleanStart = true;
        private int keepAlive = 60;
        private Properties properties = new Properties();
        private String willTopic;
        private byte[] willPayload;
        private int willQos;
        private boolean willRetain;
        private Properties willProperties = new Properties();
        private String username;
        private byte[] password;

        private Connect(String clientId) {
            this.clientId = clientId;
        }

        /** MQTT 5.0 (protocol level 5). */
        public Connect v5() {
            level = 5;
            return this;
        }

        /** MQTT 3.1: protocol name "MQIsdp", level 3. */
        public Connect mqtt31() {
            protocolName = "MQIsdp";
            level = 3;
            return this;
        }

        /** Any protocol level, for refusals. */
        public Connect protocolLevel(int protocolLevel) {
            level = protocolLevel;
            return this;
        }

        public Connect cleanStart(boolean clean) {
            cleanStart = clean;
            return this;
        }

        public Connect keepAlive(int seconds) {
            keepAlive = seconds;
            return this;
        }

        /** MQTT 5 CONNECT properties. */
        public Connect properties(Properties connectProperties) {
            properties = connectProperties;
            return this;
        }

        public Connect will(String topic, String payload, int qos, boolean retain) {
            willTopic = topic;
            willPayload = payload.getBytes(StandardCharsets.UTF_8);
            willQos = qos;
            willRetain = retain;
            return this;
        }

        /** MQTT 5 Will Properties. */
        public Connect willProperties(Properties will) {
            willProperties = will;
            return this;
        }

        public Connect credentials(String user, String pass) {
            username = user;
            password = pass == null ? null : pass.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public boolean isV5() {
            return level == 5;
        }

        public byte[] bytes() {
            Body body = new Body();
            body.string(protocolName);
            body.write(level);
            int flags = (cleanStart ? 0x02 : 0) | (willTopic != null ? 0x04 | willQos << 3 | (willRetain ? 0x20 : 0) : 0)
                    | (username != null ? 0x80 : 0) | (password != null ? 0x40 : 0);
            body.write(flags);
            body.u16(keepAlive);
            if (level == 5) {
                body.writeBytes(properties.bytes());
            }
            body.string(clientId);
            if (willTopic != null) {
                if (level == 5) {
                    body.writeBytes(willProperties.bytes());
                }
                body.string(willTopic);
                body.binary(willPayload);
            }
            if (username != null) {
                body.string(username);
            }
            if (password != null) {
                body.binary(password);
            }
            return packet(0x10, body);
        }
    }

    /** A PUBLISH. @param packetId ignored for QoS 0 */
    public static byte[] publish(boolean v5, String topic, int qos, boolean dup, boolean retain, int packetId,
            Properties properties, byte[] payload) {
        Body body = new Body();
        body.string(topic);
        if (qos > 0) {
            body.u16(packetId);
        }
        if (v5) {
            body.writeBytes(properties.bytes());
        }
        body.writeBytes(payload);
        return packet(0x30 | (dup ? 0x08 : 0) | qos << 1 | (retain ? 0x01 : 0), body);
    }

    public static byte[] publish(boolean v5, String topic, int qos, int packetId, String payload) {
        return publish(v5, topic, qos, false, false, packetId, new Properties(), payload.getBytes(StandardCharsets.UTF_8));
    }

    /** PUBACK, PUBREC, PUBREL or PUBCOMP with reason 0 (the short form both versions share). */
    public static byte[] ack(int type, int packetId) {
        Body body = new Body();
        body.u16(packetId);
        return packet(type << 4 | (type == PUBREL ? 0x02 : 0), body);
    }

    /** A SUBSCRIBE of one filter. @param options QoS in bits 0-1, then MQTT 5's No Local, Retain As Published, Retain Handling */
    public static byte[] subscribe(boolean v5, int packetId, Properties properties, String filter, int options) {
        Body body = new Body();
        body.u16(packetId);
        if (v5) {
            body.writeBytes(properties.bytes());
        }
        body.string(filter);
        body.write(options);
        return packet(0x82, body);
    }

    public static byte[] subscribe(boolean v5, int packetId, String filter, int qos) {
        return subscribe(v5, packetId, new Properties(), filter, qos);
    }

    public static byte[] pingreq() {
        return new byte[] {(byte) 0xC0, 0x00};
    }

    /** DISCONNECT; for MQTT 5 with a reason code and properties. */
    public static byte[] disconnect(boolean v5, int reasonCode, Properties properties) {
        if (!v5) {
            return new byte[] {(byte) 0xE0, 0x00};
        }
        Body body = new Body();
        body.write(reasonCode);
        body.writeBytes(properties.bytes());
        return packet(0xE0, body);
    }

    private static byte[] packet(int firstByte, Body body) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(firstByte);
        writeVariableByteInteger(packet, body.size());
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }

    static void writeVariableByteInteger(ByteArrayOutputStream out, int value) {
        do {
            int digit = value % 128;
            value /= 128;
            out.write(value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
    }

    /** MQTT 5 properties (section 2.2.2), written in the order they are added. */
    public static final class Properties {
        private final Body body = new Body();

        public Properties byteProperty(int id, int value) {
            body.write(id);
            body.write(value);
            return this;
        }

        public Properties twoByte(int id, int value) {
            body.write(id);
            body.u16(value);
            return this;
        }

        public Properties fourByte(int id, long value) {
            body.write(id);
            body.u16((int) (value >>> 16));
            body.u16((int) value);
            return this;
        }

        public Properties variableByteInteger(int id, int value) {
            body.write(id);
            writeVariableByteInteger(body, value);
            return this;
        }

        public Properties string(int id, String value) {
            body.write(id);
            body.string(value);
            return this;
        }

        public Properties binary(int id, byte[] value) {
            body.write(id);
            body.binary(value);
            return this;
        }

        public Properties userProperty(String key, String value) {
            body.write(Property.USER_PROPERTY);
            body.string(key);
            body.string(value);
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writeVariableByteInteger(out, body.size());
            out.writeBytes(body.toByteArray());
            return out.toByteArray();
        }
    }

    /** Property identifiers (MQTT 5 2.2.2.2). */
    public static final class Property {
        public static final int PAYLOAD_FORMAT_INDICATOR = 0x01;
        public static final int MESSAGE_EXPIRY_INTERVAL = 0x02;
        public static final int CONTENT_TYPE = 0x03;
        public static final int RESPONSE_TOPIC = 0x08;
        public static final int CORRELATION_DATA = 0x09;
        public static final int SUBSCRIPTION_IDENTIFIER = 0x0B;
        public static final int SESSION_EXPIRY_INTERVAL = 0x11;
        public static final int ASSIGNED_CLIENT_IDENTIFIER = 0x12;
        public static final int SERVER_KEEP_ALIVE = 0x13;
        public static final int REQUEST_PROBLEM_INFORMATION = 0x17;
        public static final int WILL_DELAY_INTERVAL = 0x18;
        public static final int REQUEST_RESPONSE_INFORMATION = 0x19;
        public static final int RESPONSE_INFORMATION = 0x1A;
        public static final int REASON_STRING = 0x1F;
        public static final int RECEIVE_MAXIMUM = 0x21;
        public static final int TOPIC_ALIAS_MAXIMUM = 0x22;
        public static final int TOPIC_ALIAS = 0x23;
        public static final int USER_PROPERTY = 0x26;
        public static final int MAXIMUM_PACKET_SIZE = 0x27;

        private Property() {
        }
    }

    private static final class Body extends ByteArrayOutputStream {
        void u16(int value) {
            write(value >> 8 & 0xFF);
            write(value & 0xFF);
        }

        void string(String value) {
            binary(value.getBytes(StandardCharsets.UTF_8));
        }

        void binary(byte[] value) {
            u16(value.length);
            writeBytes(value);
        }
    }
}
