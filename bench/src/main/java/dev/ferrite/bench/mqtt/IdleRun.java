package dev.ferrite.bench.mqtt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;

/**
 * Opens many idle connections, keeps them alive with PINGREQ, and measures the broker's memory
 * before and after: what one idle connection costs, and how fast the broker accepts them.
 */
final class IdleRun {

    /** Descriptors kept free in each process beside the connections (log files, jars, epoll, sockets). */
    private static final int SPARE_DESCRIPTORS = 100;

    private final IdleOptions options;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile boolean closing;

    IdleRun(IdleOptions options) {
        this.options = options;
    }

    Figures run() throws IOException, InterruptedException {
        Figures figures = new Figures()
                .put("mode", "idle")
                .put("broker", options.label())
                .put("date", Machine.now())
                .put("cores", Machine.cores())
                .put("load_average_start", Machine.loadAverage())
                .put("mqtt", options.client().versionLabel())
                .put("source_addresses", options.client().sourceAddresses())
                .put("keep_alive_s", options.client().keepAliveSeconds())
                .put("connections_requested", options.connections());
        BrokerProcess broker = options.brokerPid() > 0 ? new BrokerProcess(options.brokerPid()) : null;
        int target = reachable(broker, figures);
        OptionalLong heapBefore = broker == null ? OptionalLong.empty() : broker.heapUsedAfterFullGc();
        long residentBefore = broker == null ? 0 : broker.residentBytes();

        try (MqttConnector connector = new MqttConnector(options.client())) {
            ConnectionOpener.Outcome outcome = new ConnectionOpener(options.client().connectConcurrency(), 100)
                    .open(target, i -> connector.connect("idle-" + runId + "-" + i, IdleClient.INSTANCE));
            List<Channel> channels = new ArrayList<>(outcome.connected());
            for (Channel channel : outcome.channels()) {
                if (channel != null) {
                    channels.add(channel);
                    channel.closeFuture().addListener(closed -> {
                        if (!closing) {
                            dropped.incrementAndGet();
                        }
                    });
                }
            }
            figures.put("connections_reached", outcome.connected())
                    .put("connect_failures", outcome.failed())
                    .put("first_connect_failure", outcome.firstFailure() == null ? "none" : outcome.firstFailure().toString())
                    .put("connect_s", outcome.elapsedNanos() / 1e9)
                    .put("connects_per_s", outcome.perSecond());
            Thread.sleep(options.hold().toMillis());
            int open = (int) channels.stream().filter(Channel::isActive).count();
            figures.put("held_s", options.hold().toMillis() / 1000.0)
                    .put("pingresp_received", connector.pongs())
                    .put("dropped_while_held", dropped.get())
                    .put("open_at_measurement", open);
            if (broker != null) {
                measureMemory(broker, figures, heapBefore, residentBefore, open);
            }
            figures.put("load_average_end", Machine.loadAverage());
            close(channels);
        }
        return figures;
    }

    /** How many connections both processes' descriptor limits allow; says why when fewer than asked. */
    private int reachable(BrokerProcess broker, Figures figures) throws IOException {
        BrokerProcess self = BrokerProcess.self();
        long own = self.openFileLimit() - self.openFiles() - SPARE_DESCRIPTORS;
        long brokers = broker == null ? Long.MAX_VALUE : broker.openFileLimit() - broker.openFiles() - SPARE_DESCRIPTORS;
        int target = (int) Math.max(0, Math.min(options.connections(), Math.min(own, brokers)));
        if (target < options.connections()) {
            String why = String.format("file descriptor limit (RLIMIT_NOFILE): generator %d, broker %s; every connection"
                    + " takes one descriptor in each process", self.openFileLimit(),
                    broker == null ? "unknown" : Long.toString(broker.openFileLimit()));
            figures.put("connections_capped_by", why);
            System.out.printf("%s: opening %,d connections instead of %,d: %s%n", options.label(), target,
                    options.connections(), why);
        }
        return target;
    }

    private static void measureMemory(BrokerProcess broker, Figures figures, OptionalLong heapBefore,
            long residentBefore, int open) throws IOException, InterruptedException {
        long residentAfter = broker.residentBytes();
        figures.put("rss_before_mib", residentBefore / 1048576.0)
                .put("rss_after_mib", residentAfter / 1048576.0)
                .put("rss_per_connection_bytes", open == 0 ? 0 : (double) (residentAfter - residentBefore) / open);
        OptionalLong heapAfter = broker.heapUsedAfterFullGc();
        if (heapBefore.isPresent() && heapAfter.isPresent()) {
            figures.put("heap_before_mib", heapBefore.getAsLong() / 1048576.0)
                    .put("heap_after_mib", heapAfter.getAsLong() / 1048576.0)
                    .put("heap_per_connection_bytes",
                            open == 0 ? 0 : (double) (heapAfter.getAsLong() - heapBefore.getAsLong()) / open);
        }
    }

    private void close(List<Channel> channels) {
        closing = true;
        for (Channel channel : channels) {
            channel.writeAndFlush(new MqttMessage(new MqttFixedHeader(MqttMessageType.DISCONNECT, false,
                    MqttQoS.AT_MOST_ONCE, false, 0))).addListener(ChannelFutureListener.CLOSE);
        }
        channels.forEach(channel -> channel.closeFuture().awaitUninterruptibly(5, TimeUnit.SECONDS));
    }
}
