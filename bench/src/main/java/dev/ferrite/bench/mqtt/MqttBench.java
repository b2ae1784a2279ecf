package dev.ferrite.bench.mqtt;

import java.nio.file.Path;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;

/**
 * The MQTT load generator's command line:
 * <pre>
 * MqttBench load [options]     one workload against one broker
 * MqttBench idle [options]     many idle connections against one broker, and their memory cost
 * MqttBench compare A B        two result files side by side, with the ratio A / B
 * </pre>
 * Exit status: 0; 1 for bad options or a failed run; 3 when a broker lost, duplicated (QoS 2)
 * or never acknowledged a QoS 1/2 message, or dropped a connection.
 */
public final class MqttBench {

    private MqttBench() {
    }

    public static void main(String[] args) throws Exception {
        // Without Spring nothing configures Logback, whose default would print Netty's debug chatter.
        InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
        String command = args.length == 0 ? "help" : args[0];
        try {
            System.exit(switch (command) {
                case "load" -> load(new OptionReader(args, 1));
                case "idle" -> idle(new OptionReader(args, 1));
                case "compare" -> compare(args);
                default -> {
                    System.out.println(LoadOptions.usage());
                    System.out.println(IdleOptions.usage());
                    System.out.println("MqttBench compare A B: two --result-file outputs side by side, with the ratio A / B");
                    yield command.equals("help") || command.equals("--help") ? 0 : 1;
                }
            });
        } catch (IllegalArgumentException e) {
            System.err.println("MqttBench " + command + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static int load(OptionReader reader) throws Exception {
        LoadOptions options = LoadOptions.read(reader);
        reader.requireAllRead();
        System.out.printf("%s: %s, %d publishers, %d subscribers, QoS %d, %d-byte payloads; %s%n", options.label(),
                options.workload().label(), options.publishers(), options.subscribers(), options.qos().value(),
                options.payloadBytes(), options.load().describe(options.publishers()));
        LoadResult result = new LoadRun(options).run();
        Figures figures = result.figures();
        figures.print(System.out);
        result.printVerdict(System.out);
        save(figures, options.resultFile());
        return result.failed() ? 3 : 0;
    }

    private static int idle(OptionReader reader) throws Exception {
        IdleOptions options = IdleOptions.read(reader);
        reader.requireAllRead();
        System.out.printf("%s: opening up to %,d idle connections (keep-alive %d s)%n", options.label(),
                options.connections(), options.client().keepAliveSeconds());
        Figures figures = new IdleRun(options).run();
        figures.print(System.out);
        save(figures, options.resultFile());
        return figures.number("dropped_while_held") > 0 ? 3 : 0;
    }

    private static int compare(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: MqttBench compare A.properties B.properties");
        }
        Comparison.print(Figures.load(Path.of(args[1])), Figures.load(Path.of(args[2])), System.out);
        return 0;
    }

    private static void save(Figures figures, Path file) throws Exception {
        if (file != null) {
            figures.save(file);
        }
    }
}
