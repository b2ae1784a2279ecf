package dev.ferrite.tls.pem;

import java.nio.file.Path;

/**
 * A PEM file that cannot be used. The message is one sentence naming the file and the problem,
 * fit to stop a start-up or to refuse a reload with.
 */
public class PemFileException extends RuntimeException {

    private final Path file;

    public PemFileException(Path file, String problem) {
        super(sentence(file, problem));
        this.file = file;
    }

    public PemFileException(Path file, String problem, Throwable cause) {
        super(sentence(file, problem), cause);
        this.file = file;
    }

    /** The file that holds the problem. */
    public Path file() {
        return file;
    }

    private static String sentence(Path file, String problem) {
        String text = file + " " + problem;
        return text.endsWith(".") ? text : text + ".";
    }
}
