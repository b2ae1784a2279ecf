package dev.ferrite.gateway.testing;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An MQTT client that is only a socket: it sends the bytes {@link Packets} writes and reads the
 * gateway's packets back undecoded by any library, so a test sees exactly what went over the
 * wire (DUP flags, packet identifiers, topic aliases, reason codes).
 */
public final class RawMqttClient implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final InputStream in;
    private final boolean v5;

    private RawMqttClient(int port, boolean v5) {
        try {
            this.socket = new Socket("127.0.0.1", port);
            this.socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            this.in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.v5 = v5;
    }

    /** Opens a connection and sends the CONNECT, without waiting for the CONNACK. */
    public static RawMqttClient open(int port, Packets.Connect connect) {
        RawMqttClient client = new RawMqttClient(port, connect.isV5());
        client.send(connect.bytes());
        return client;
    }

    /** Opens a connection, sends the CONNECT and expects it accepted. */
    public static RawMqttClient connect(int port, Packets.Connect connect) {
        RawMqttClient client = open(port, connect);
        Packet connAck = client.expect(Packets.CONNACK);
        if (connAck.reasonCode() != 0) {
            client.close();
            throw new IllegalStateException("CONNECT refused with 0x" + Integer.toHexString(connAck.reasonCode()));
        }
        return client;
    }

    public boolean isV5() {
        return v5;
    }

    public void send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next packet, waiting up to ten seconds. */
    public Packet read() {
        try {
            int first = in.read();
            if (first < 0) {
                throw new EOFException("the gateway closed the connection");
            }
            int length = 0;
            int multiplier = 1;
            int digit;
            do {
                digit = in.read();
                if (digit < 0) {
                    throw new EOFException("the gateway closed the connection mid-packet");
                }
                length += (digit & 0x7F) * multiplier;
                multiplier *= 128;
            } while ((digit & 0x80) != 0);
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                throw new EOFException("the gateway closed the connection mid-packet");
            }
            return new Packet(first >> 4, first & 0x0F, body, v5);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next packet, which must be of this type. */
    public Packet expect(int type) {
        Packet packet = read();
        if (packet.type() != type) {
            throw new AssertionError("expected packet type " + type + " but got " + packet);
        }
        return packet;
    }

    /**
     * Sends PINGREQ and returns every packet that arrives before its PINGRESP. The gateway handles
     * one connection's packets in order on its event loop, so whatever it sent in answer to this
     * client's earlier packets comes first. Deliveries from other connections reach that loop as
     * tasks that may run after the PINGREQ is read: wait for them first (for example with
     * {@link MqttClients#awaitDeliveries}).
     */
    public List<Packet> pingBarrier() {
        send(Packets.pingreq());
        List<Packet> before = new ArrayList<>();
        for (Packet packet = read(); packet.type() != Packets.PINGRESP; packet = read()) {
            before.add(packet);
        }
        return before;
    }

    /** Whether the gateway closes the connection within ten seconds, skipping any packets it sends first. */
    public boolean isClosedByGateway() {
        try {
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // skip what comes before the close (a DISCONNECT, deliveries)
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // connection reset
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next packet if it is a DISCONNECT, after which the gateway must close; throws otherwise. */
    public Packet expectDisconnectAndClose() {
        Packet disconnect = expect(Packets.DISCONNECT);
        if (!isClosedByGateway()) {
            throw new AssertionError("the gateway sent DISCONNECT but kept the connection open");
        }
        return disconnect;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A packet as read: its type, the flags of its first byte and its bytes after the length.
     * The accessors decode the fields that packet type has.
     */
    public record Packet(int type, int flags, byte[] body, boolean v5) {

        public boolean dup() {
            return (flags & 0x08) != 0;
        }

        public int qos() {
            return flags >> 1 & 0x03;
        }

        public boolean retain() {
            return (flags & 0x01) != 0;
        }

        /** PUBLISH: the topic name as sent (empty when only a Topic Alias stands for it). */
        public String topic() {
            requireType(Packets.PUBLISH);
            return new String(body, 2, u16(0), StandardCharsets.UTF_8);
        }

        /** The packet identifier of a PUBLISH (QoS 1 and 2), acknowledgement or SUBACK. */
        public int packetId() {
            return u16(type == Packets.PUBLISH ? 2 + u16(0) : 0);
        }

        public String payloadText() {
            return new String(payload(), StandardCharsets.UTF_8);
        }

        public byte[] payload() {
            requireType(Packets.PUBLISH);
            int offset = afterPublishHeader();
            if (v5) {
                offset = skipProperties(offset);
            }
            return java.util.Arrays.copyOfRange(body, offset, body.length);
        }

        /** CONNACK: the Session Present flag. */
        public boolean sessionPresent() {
            requireType(Packets.CONNACK);
            return (body[0] & 0x01) != 0;
        }

        /**
         * The reason code (MQTT 5) or return code (3.1.1) of a CONNACK, acknowledgement or DISCONNECT;
         * 0 when the packet leaves it out.
         */
        public int reasonCode() {
            return switch (type) {
                case Packets.CONNACK -> body[1] & 0xFF;
                case Packets.PUBACK, Packets.PUBREC, Packets.PUBREL, Packets.PUBCOMP -> body.length > 2 ? body[2] & 0xFF : 0;
                case Packets.DISCONNECT -> body.length > 0 ? body[0] & 0xFF : 0;
                default -> throw new IllegalStateException("no single reason code in " + this);
            };
        }

        /** SUBACK and UNSUBACK: the reason codes, one per filter. */
        public List<Integer> reasonCodes() {
            int offset = 2;
            if (v5) {
                offset = skipProperties(offset);
            }
            List<Integer> codes = new ArrayList<>();
            for (int i = offset; i < body.length; i++) {
                codes.add(body[i] & 0xFF);
            }
            return codes;
        }

        /** MQTT 5 properties by identifier; a property that may repeat has all its values, in order. */
        public Map<Integer, List<Object>> properties() {
            if (!v5) {
                return Map.of();
            }
            int offset = switch (type) {
                case Packets.CONNACK -> 2;
                case Packets.PUBLISH -> afterPublishHeader();
                case Packets.PUBACK, Packets.PUBREC, Packets.PUBREL, Packets.PUBCOMP -> body.length > 3 ? 3 : -1;
                case Packets.SUBACK, Packets.UNSUBACK -> 2;
                case Packets.DISCONNECT -> body.length > 1 ? 1 : -1;
                default -> -1;
            };
            return offset < 0 ? Map.of() : decodeProperties(offset);
        }

        /** The single value of a property, or null when absent. */
        public Object property(int id) {
            List<Object> values = properties().get(id);
            return values == null ? null : values.get(0);
        }

        private int afterPublishHeader() {
            return 2 + u16(0) + (qos() > 0 ? 2 : 0);
        }

        private int skipProperties(int offset) {
            int[] lengthAndSize = variableByteInteger(offset);
            return offset + lengthAndSize[1] + lengthAndSize[0];
        }

        private Map<Integer, List<Object>> decodeProperties(int offset) {
            int[] lengthAndSize = variableByteInteger(offset);
            int start = offset + lengthAndSize[1];
            DataInputStream data = new DataInputStream(new ByteArrayInputStream(body, start, lengthAndSize[0]));
            Map<Integer, List<Object>> properties = new LinkedHashMap<>();
            try {
                while (data.available() > 0) {
                    int id = data.readUnsignedByte();
                    Object value = switch (id) {
                        case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A -> data.readUnsignedByte();
                        case 0x13, 0x21, 0x22, 0x23 -> data.readUnsignedShort();
                        case 0x02, 0x11, 0x18, 0x27 -> Integer.toUnsignedLong(data.readInt());
                        case 0x0B -> readVariableByteInteger(data);
                        case 0x03, 0x08, 0x12, 0x15, 0x1A, 0x1C, 0x1F -> readString(data);
                        case 0x09, 0x16 -> data.readNBytes(data.readUnsignedShort());
                        case 0x26 -> readString(data) + "=" + readString(data);
                        default -> throw new AssertionError("unknown property 0x" + Integer.toHexString(id) + " in " + this);
                    };
                    properties.computeIfAbsent(id, key -> new ArrayList<>()).add(value);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties;
        }

        private static String readString(DataInputStream data) throws IOException {
            return new String(data.readNBytes(data.readUnsignedShort()), StandardCharsets.UTF_8);
        }

        private static int readVariableByteInteger(DataInputStream data) throws IOException {
            int value = 0;
            int multiplier = 1;
            int digit;
            do {
                digit = data.readUnsignedByte();
                value += (digit & 0x7F) * multiplier;
                multiplier *= 128;
            } while ((digit & 0x80) != 0);
            return value;
        }

        /** @return the value and how many bytes it took */
        private int[] variableByteInteger(int offset) {
            int value = 0;
            int multiplier = 1;
            int i = offset;
            int digit;
            do {
                digit = body[i++] & 0xFF;
                value += (digit & 0x7F) * multiplier;
                multiplier *= 128;
            } while ((digit & 0x80) != 0);
            return new int[] {value, i - offset};
        }

        private int u16(int offset) {
            return (body[offset] & 0xFF) << 8 | body[offset + 1] & 0xFF;
        }

        private void requireType(int expected) {
            if (type != expected) {
                throw new IllegalStateException("not a packet of type " + expected + ": " + this);
            }
        }

        @Override
        public String toString() {
            return "Packet[type=" + type + ", flags=" + flags + ", " + body.length + " bytes]";
        }
    }
}
