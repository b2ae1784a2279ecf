package dev.ferrite.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import dev.ferrite.rules.sql.CompiledRule;
import dev.ferrite.rules.sql.RuleSql;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rule evaluations per second: one compiled rule run over one message, its JSON payload decoded
 * in the evaluation (as rules-service does for every message), rows built, in process. With
 * one thread the figure is per core.
 * <ul>
 * <li>{@code simpleRule}: the rule, {@code SELECT payload.temp AS t, clientid FROM
 *     "sensors/+/data" WHERE payload.temp > 30}, over readings of which about half pass;
 * <li>{@code foreachRule}: a FOREACH over a batch of 10 readings that keeps the hot ones
 *     (about half), one row each.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class RuleSqlBenchmark {

    private static final int MESSAGES = 1_024;
    private static final int READINGS_PER_BATCH = 10;

    private CompiledRule simple;
    private CompiledRule foreach;
    private Map<String, Object>[] readings;
    private Map<String, Object>[] batches;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void compileAndMakeMessages() {
        simple = RuleSql.compile("SELECT payload.temp AS t, clientid FROM \"sensors/+/data\" WHERE payload.temp > 30");
        foreach = RuleSql.compile("FOREACH payload.readings AS r DO clientid, r.sensor AS sensor, r.temp AS t "
                + "INCASE r.temp > 30 FROM \"sensors/+/batch\"");
        SplittableRandom random = new SplittableRandom(7);
        readings = new Map[MESSAGES];
        batches = new Map[MESSAGES];
        for (int i = 0; i < MESSAGES; i++) {
            String device = "device-" + random.nextInt(10_000);
            readings[i] = message(device, "sensors/" + device + "/data",
                    "{\"temp\":" + temperature(random) + ",\"humidity\":" + random.nextInt(100) + ",\"battery\":"
                            + random.nextInt(100) + "}");
            StringBuilder batch = new StringBuilder("{\"readings\":[");
            for (int r = 0; r < READINGS_PER_BATCH; r++) {
                batch.append(r > 0 ? "," : "").append("{\"sensor\":\"s").append(r).append("\",\"temp\":")
                        .append(temperature(random)).append('}');
            }
            batches[i] = message(device, "sensors/" + device + "/batch", batch.append("]}").toString());
        }
    }

    private static double temperature(SplittableRandom random) {
        return Math.round((20 + random.nextDouble() * 20) * 10) / 10.0;
    }

    private static Map<String, Object> message(String clientId, String topic, String payload) {
        Map<String, Object> message = new HashMap<>();
        message.put("id", Long.toHexString(clientId.hashCode()));
        message.put("clientid", clientId);
        message.put("username", "fleet");
        message.put("topic", topic);
        message.put("qos", 1L);
        message.put("payload", payload);
        message.put("peerhost", "10.0.0.1");
        message.put("timestamp", 1_700_000_000_000L);
        message.put("publish_received_at", 1_700_000_000_000L);
        message.put("node", "ferrite@127.0.0.1");
        return message;
    }

    @Benchmark
    public List<Map<String, Object>> simpleRule(Cursor cursor) {
        return simple.evaluate(readings[cursor.next++ & (MESSAGES - 1)]);
    }

    @Benchmark
    public List<Map<String, Object>> foreachRule(Cursor cursor) {
        return foreach.evaluate(batches[cursor.next++ & (MESSAGES - 1)]);
    }
}
