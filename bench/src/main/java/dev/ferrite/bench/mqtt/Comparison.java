package dev.ferrite.bench.mqtt;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Two runs of the same workload side by side, as a Markdown table ready to paste into
 * docs/performance.md, with the ratio of the first broker to the second.
 */
final class Comparison {

    /** One row: which figure, its label, and whether the ratio means something. */
    private record Row(String key, String label, boolean ratio) {
    }

    private static final List<String> LOAD_SETUP = List.of("workload", "publishers", "subscribers", "qos", "payload_bytes",
            "mqtt", "offered_load", "source_addresses", "generator", "warmup_s", "measured_s", "cores");
    private static final List<Row> LOAD_ROWS = List.of(
            new Row("received_per_s", "msgs/s received (higher is better)", true),
            new Row("published_per_s", "msgs/s published", true),
            new Row("latency_p50_us", "latency p50, us (lower is better)", true),
            new Row("latency_p99_us", "latency p99, us", true),
            new Row("latency_p999_us", "latency p99.9, us", true),
            new Row("latency_max_us", "latency max, us", true),
            new Row("expected_deliveries", "deliveries expected", false),
            new Row("lost", "lost", false),
            new Row("duplicated", "duplicated", false),
            new Row("out_of_order", "out of order", false),
            new Row("unacknowledged", "publishes never acknowledged", false),
            new Row("dropped_connections", "connections dropped", false),
            new Row("load_average_start", "load average before (1, 5, 15 min)", false),
            new Row("load_average_end", "load average after", false));
    private static final List<String> IDLE_SETUP = List.of("connections_requested", "mqtt", "source_addresses",
            "keep_alive_s", "held_s", "cores");
    private static final List<Row> IDLE_ROWS = List.of(
            new Row("connections_reached", "connections held", false),
            new Row("connects_per_s", "connects/s (higher is better)", true),
            new Row("heap_per_connection_bytes", "heap per connection, bytes (after full GC)", true),
            new Row("rss_per_connection_bytes", "resident memory per connection, bytes", true),
            new Row("heap_before_mib", "heap before, MiB", false),
            new Row("heap_after_mib", "heap after, MiB", false),
            new Row("rss_before_mib", "resident before, MiB", false),
            new Row("rss_after_mib", "resident after, MiB", false),
            new Row("pingresp_received", "PINGRESPs received", false),
            new Row("dropped_while_held", "connections dropped", false),
            new Row("connect_failures", "connect failures", false),
            new Row("load_average_start", "load average before (1, 5, 15 min)", false),
            new Row("load_average_end", "load average after", false));

    private Comparison() {
    }

    static void print(Figures first, Figures second, PrintStream out) {
        boolean idle = first.get("mode").equals("idle");
        List<String> setup = idle ? IDLE_SETUP : LOAD_SETUP;
        out.println();
        for (String key : setup) {
            String note = first.get(key).equals(second.get(key)) ? "" : "  (" + second.get("broker") + ": " + second.get(key) + ")";
            out.printf("%s: %s%s%n", key, first.get(key), note);
        }
        for (Figures figures : List.of(first, second)) {
            if (!figures.get("connections_capped_by").isEmpty()) {
                out.printf("%s: connections capped by the %s%n", figures.get("broker"), figures.get("connections_capped_by"));
            }
        }
        out.printf("date: %s%n%n", first.get("date"));
        String a = first.get("broker");
        String b = second.get("broker");
        out.printf("| figure | %s | %s | %s / %s |%n", a, b, a, b);
        out.println("|---|---:|---:|---:|");
        for (Row row : idle ? IDLE_ROWS : LOAD_ROWS) {
            out.printf("| %s | %s | %s | %s |%n", row.label(), format(first.get(row.key())), format(second.get(row.key())),
                    row.ratio() ? ratio(first.number(row.key()), second.number(row.key())) : "");
        }
    }

    private static String format(String value) {
        try {
            double number = Double.parseDouble(value);
            return number == Math.rint(number) && Math.abs(number) < 1e15
                    ? String.format(Locale.ROOT, "%,d", (long) number)
                    : String.format(Locale.ROOT, number >= 100 ? "%,.0f" : "%,.1f", number);
        } catch (NumberFormatException e) {
            return value.isEmpty() ? "n/a" : value;
        }
    }

    private static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2fx", a / b);
    }
}
