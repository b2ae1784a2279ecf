package dev.ferrite.gateway.listener;

/** The named stages of an MQTT connection's pipeline, in order. */
public final class PipelineNames {

    /** First of all, whatever carries the bytes: merges flushes. */
    public static final String FLUSH_CONSOLIDATION = "flush-consolidation";
    /** Counts the connection's MQTT bytes ({@code traffic} package). */
    public static final String BYTE_COUNTER = "byte-counter";
    public static final String DECODER = "mqtt-decoder";
    public static final String ENCODER = "mqtt-encoder";
    /** Counts packets by type ({@code traffic} package). */
    public static final String PACKET_COUNTER = "packet-counter";
    public static final String CONNECT_TIMEOUT = "connect-timeout";
    /** Added once CONNECT is accepted, when the client asked for a keep alive. */
    public static final String KEEP_ALIVE = "keep-alive";
    /** Holds every packet back until CONNECT has been accepted; replaced by the session stage. */
    public static final String CONNECT = "connect";
    public static final String SESSION = "session";

    private PipelineNames() {
    }
}
