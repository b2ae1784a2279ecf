package dev.ferrite.bench.mqtt;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The options of {@code MqttBench idle}: many idle connections held against one broker.
 *
 * @param brokerPid the broker's process, whose memory is measured (and, for a JVM, its heap); 0 for none
 * @param hold how long to keep the connections open before measuring; longer than the keep-alive, so that PINGREQs flow
 */
record IdleOptions(ClientSettings client, String label, int connections, long brokerPid, Duration hold, Path resultFile) {

    static IdleOptions read(OptionReader options) {
        ClientSettings client = ClientSettings.read(options, 30);
        String label = options.text("label", "broker");
        int connections = options.integer("connections", 100_000, 1, 10_000_000);
        long pid = options.integer("broker-pid", 0, 0, Integer.MAX_VALUE);
        Duration hold = options.duration("hold", Duration.ofSeconds(45));
        String resultFile = options.text("result-file", null);
        return new IdleOptions(client, label, connections, pid, hold, resultFile == null ? null : Path.of(resultFile));
    }

    static String usage() {
        return """
                MqttBench idle [options]: hold many idle connections and measure what they cost the broker
                  --port P --host H --label NAME --mqtt 3.1.1|5 --source-addresses K --threads T  as for load
                  --connections N          idle connections to open (100000); fewer if a file descriptor limit
                                           of this process or the broker's does not allow N (the output says so)
                  --connect-concurrency C  connections waiting for CONNACK at once (100)
                  --keep-alive S           seconds; each connection sends PINGREQ when silent that long (30)
                  --hold D                 how long to hold them before measuring (45s)
                  --broker-pid PID         measure this process: resident memory, and heap after a full GC
                                           (jcmd GC.run, GC.heap_info) if it is a JVM
                  --result-file F          also write the figures to F (properties) for MqttBench compare
                """;
    }
}
