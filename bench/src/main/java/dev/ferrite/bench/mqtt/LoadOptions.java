package dev.ferrite.bench.mqtt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.netty.handler.codec.mqtt.MqttQoS;

/**
 * The options of {@code MqttBench load}: one workload against one broker.
 *
 * @param label the broker's name in the output
 * @param clients publishers for fan-in, subscribers for fan-out, pairs for point-to-point
 * @param drainTimeout after the measured interval, how long to wait for missing messages while none arrives
 * @param resultFile where to write the figures as properties, or null
 */
record LoadOptions(ClientSettings client, String label, Workload workload, int clients, MqttQoS qos, int payloadBytes,
        OfferedLoad load, Duration warmup, Duration duration, Duration drainTimeout, Path resultFile) {

    static final Map<String, MqttQoS> QOS = Map.of("0", MqttQoS.AT_MOST_ONCE, "1", MqttQoS.AT_LEAST_ONCE,
            "2", MqttQoS.EXACTLY_ONCE);

    static LoadOptions read(OptionReader options) {
        ClientSettings client = ClientSettings.read(options, 60);
        String label = options.text("label", "broker");
        Workload workload = options.choice("workload", Workload.FAN_IN, Workload.BY_NAME);
        int clients = options.integer("clients", 100, 1, 50_000);
        MqttQoS qos = options.choice("qos", MqttQoS.AT_LEAST_ONCE, QOS);
        int payload = options.integer("payload", 128, Probe.SIZE, 256 * 1024);
        int window = options.integer("window", 16, 1, PacketIds.MAX_IN_USE);
        int rate = options.integer("rate", 0, 0, Integer.MAX_VALUE);
        Duration warmup = options.duration("warmup", Duration.ofSeconds(30));
        Duration duration = options.duration("duration", Duration.ofSeconds(20));
        Duration drain = options.duration("drain-timeout", Duration.ofSeconds(10));
        String resultFile = options.text("result-file", null);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        return new LoadOptions(client, label, workload, clients, qos, payload, new OfferedLoad(window, rate), warmup,
                duration, drain, resultFile == null ? null : Path.of(resultFile));
    }

    int publishers() {
        return workload.publishers(clients);
    }

    int subscribers() {
        return workload.subscribers(clients);
    }

    static String usage() {
        return """
                MqttBench load [options]: one workload against one broker
                  --port P                 broker's MQTT/TCP port (1883); --host H (127.0.0.1)
                  --label NAME             the broker's name in the output (broker)
                  --workload W             fan-in (N publishers, 1 subscriber on a wildcard), fan-out (1 publisher,
                                           N subscribers), p2p (N pairs); default fan-in
                  --clients N              the workload's N (100)
                  --qos Q                  0, 1 or 2 for publishes and subscriptions (1)
                  --payload BYTES          payload size, 16 or more (128)
                  --window W               max rate, closed loop: messages in flight end to end per publisher (16)
                  --rate R                 fixed rate instead: R msgs/s published in total
                  --warmup 30s --duration 20s --drain-timeout 10s
                  --mqtt 3.1.1|5           protocol version (3.1.1)
                  --source-addresses K     spread connections over 127.0.0.1 .. 127.0.0.K (4)
                  --threads T              generator event loop threads (2); --connect-concurrency C (100)
                  --keep-alive S           seconds (60)
                  --result-file F          also write the figures to F (properties) for MqttBench compare
                """;
    }
}
