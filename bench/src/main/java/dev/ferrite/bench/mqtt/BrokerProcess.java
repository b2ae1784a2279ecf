package dev.ferrite.bench.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A process on this machine seen from outside: its memory, its file descriptors and, for a JVM, its heap. */
final class BrokerProcess {

    /** A generation's or the whole heap's line of {@code GC.heap_info}: "garbage-first heap total 1048576K, used 23456K". */
    private static final Pattern HEAP_LINE = Pattern.compile("^\\s*(\\S.*?)\\s+total (\\d+)K, used (\\d+)K", Pattern.MULTILINE);

    private final long pid;

    BrokerProcess(long pid) {
        this.pid = pid;
    }

    static BrokerProcess self() {
        return new BrokerProcess(ProcessHandle.current().pid());
    }

    long pid() {
        return pid;
    }

    /** Resident memory (VmRSS), in bytes. */
    long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }

    /** The soft RLIMIT_NOFILE: how many file descriptors (hence connections) the process may hold. */
    long openFileLimit() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits"))) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        throw new IOException("no open files limit in /proc/" + pid + "/limits");
    }

    long openFiles() throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return descriptors.count();
        }
    }

    /**
     * The heap in use after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}),
     * in bytes; empty when the process is not a JVM that jcmd can attach to.
     */
    OptionalLong heapUsedAfterFullGc() throws InterruptedException {
        for (int i = 0; i < 2; i++) { // twice: what the first collection only made unreachable (finalizers) goes in the second
            if (jcmd("GC.run") == null) {
                return OptionalLong.empty();
            }
        }
        String info = jcmd("GC.heap_info");
        if (info == null) {
            return OptionalLong.empty();
        }
        long usedKiB = 0;
        Matcher line = HEAP_LINE.matcher(info);
        while (line.find()) {
            String space = line.group(1);
            if (!space.startsWith("Metaspace") && !space.startsWith("class space")) {
                usedKiB += Long.parseLong(line.group(3));
            }
        }
        return usedKiB == 0 ? OptionalLong.empty() : OptionalLong.of(usedKiB * 1024);
    }

    /** @return jcmd's output, or null if it failed */
    private String jcmd(String command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return output;
        } catch (IOException e) {
            return null;
        }
    }
}
