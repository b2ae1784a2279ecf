package dev.ferrite.gateway.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/** A TCP connection to the gateway that sends and reads raw MQTT packets. */
final class RawMqttConnection implements AutoCloseable {

    /** How long to wait for the gateway to answer or to close: generous, it is no measurement. */
    private static final int READ_LIMIT_MILLIS = 10_000;

    private final Socket socket;
    private final InputStream in;

    private RawMqttConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        socket.setSoTimeout(READ_LIMIT_MILLIS);
    }

    static RawMqttConnection open(int port) throws IOException {
        return new RawMqttConnection(new Socket("127.0.0.1", port));
    }

    /** Opens a connection and completes a CONNECT (CONNACK accepted) at the given protocol level. */
    static RawMqttConnection connected(int port, int protocolLevel, String clientId) throws IOException {
        RawMqttConnection connection = open(port);
        connection.send(MqttPackets.connect(protocolLevel, clientId));
        byte[] connAck = connection.readPacket();
        assertThat(connAck[0] & 0xFF).as("CONNACK").isEqualTo(0x20);
        assertThat(connAck[3]).as("CONNACK return/reason code: accepted").isZero();
        return connection;
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** The next whole packet from the gateway (fixed header included). */
    byte[] readPacket() throws IOException {
        return readPacketStartingWith(readByte());
    }

    /**
     * Reads until the gateway closes the connection and returns the packets it sent before
     * closing; fails if it keeps the connection open.
     */
    List<byte[]> awaitClosedByGateway() throws IOException {
        List<byte[]> beforeClose = new ArrayList<>();
        try {
            for (int first = in.read(); first >= 0; first = in.read()) {
                beforeClose.add(readPacketStartingWith(first));
            }
            return beforeClose;
        } catch (SocketTimeoutException e) {
            return fail("the gateway kept the connection open; it sent "
                    + beforeClose.stream().map(RawMqttConnection::hex).toList());
        } catch (SocketException e) {
            return beforeClose; // reset by the gateway: closed as well
        }
    }

    /** Reads until the gateway closes the connection; the reason code of the DISCONNECT it sent last. */
    int awaitDisconnectReasonCode() throws IOException {
        List<byte[]> beforeClose = awaitClosedByGateway();
        assertThat(beforeClose).as("packets sent before closing").isNotEmpty();
        byte[] disconnect = beforeClose.get(beforeClose.size() - 1);
        assertThat(disconnect[0] & 0xFF).as("DISCONNECT").isEqualTo(0xE0);
        return disconnect[2] & 0xFF;
    }

    /** Whether the gateway answers a PINGREQ, i.e. still serves this connection. */
    boolean answersPing() throws IOException {
        send(MqttPackets.pingReq());
        return readPacket()[0] == (byte) 0xD0;
    }

    static String hex(byte[] packet) {
        StringBuilder text = new StringBuilder();
        for (byte b : packet) {
            text.append(String.format("%02x", b & 0xFF));
        }
        return text.toString();
    }

    private byte[] readPacketStartingWith(int first) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(first);
        int remaining = 0;
        int multiplier = 1;
        int digit;
        do {
            digit = readByte();
            packet.write(digit);
            remaining += (digit & 0x7F) * multiplier;
            multiplier *= 128;
        } while ((digit & 0x80) != 0);
        byte[] body = in.readNBytes(remaining);
        if (body.length < remaining) {
            fail("the gateway closed the connection in the middle of a packet");
        }
        packet.writeBytes(body);
        return packet.toByteArray();
    }

    private int readByte() throws IOException {
        int value = in.read();
        if (value < 0) {
            fail("the gateway closed the connection instead of answering");
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
