package dev.ferrite.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.routing.Matches;
import dev.ferrite.gateway.routing.Subscription;
import dev.ferrite.gateway.routing.TopicTree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to find the subscribers of one telemetry PUBLISH in the gateway's topic tree, for a
 * fleet whose tree holds {@code subscriptions} entries. The fleet grows in sites (one per 1,000
 * subscriptions) so every match returns about the same subscribers whatever the tree's size:
 * <ul>
 * <li>85%: each device's own command topic, {@code site/S/device/D/cmd} (never matched by telemetry);
 * <li>10%: dashboards watching one device, {@code site/S/device/D/telemetry};
 * <li>4%: site dashboards, {@code site/S/device/+/telemetry};
 * <li>1%: site gateways, {@code site/S/#};
 * <li>4 share groups of 4 ingest workers on {@code $share/ingest-G/site/+/device/+/telemetry},
 *     and a monitor on {@code $SYS/#}.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class TopicMatchBenchmark {

    private static final int SUBSCRIPTIONS_PER_SITE = 1_000;
    private static final int DEVICES_PER_SITE = 1_000;
    private static final int TOPICS = 4_096;

    @Param({"10000", "100000", "1000000"})
    public int subscriptions;

    private TopicTree tree;
    private String[] topics;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void buildFleet() {
        SplittableRandom random = new SplittableRandom(7);
        int sites = subscriptions / SUBSCRIPTIONS_PER_SITE;
        tree = new TopicTree();
        for (int group = 0; group < 4; group++) {
            for (int worker = 0; worker < 4; worker++) {
                tree.add(new Subscription("ingest-" + group + "-" + worker, "site/+/device/+/telemetry",
                        "ingest-" + group, 1, false, false, 0, 0));
            }
        }
        tree.add(Subscription.of("monitor", "$SYS/#", 0));
        for (int i = 0; tree.size() < subscriptions; i++) {
            int site = i % sites;
            int round = i / sites;
            int device = random.nextInt(DEVICES_PER_SITE);
            int kind = random.nextInt(100);
            String prefix = "site/" + site + "/";
            if (kind < 85) {
                tree.add(Subscription.of("device-" + site + "-" + round, prefix + "device/" + round + "/cmd", 1));
            } else if (kind < 95) {
                tree.add(Subscription.of("watch-" + i, prefix + "device/" + device + "/telemetry", 0));
            } else if (kind < 99) {
                tree.add(Subscription.of("dashboard-" + i, prefix + "device/+/telemetry", 0));
            } else {
                tree.add(Subscription.of("site-gateway-" + i, prefix + "#", 1));
            }
        }
        topics = new String[TOPICS];
        for (int i = 0; i < TOPICS; i++) {
            topics[i] = "site/" + random.nextInt(sites) + "/device/" + random.nextInt(DEVICES_PER_SITE) + "/telemetry";
        }
    }

    @Benchmark
    public Matches match(Cursor cursor) {
        return tree.match(topics[cursor.next++ & (TOPICS - 1)]);
    }
}
