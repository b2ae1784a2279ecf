package dev.ferrite.auth.apikey.bootstrap;

import java.nio.file.Path;

/** The bootstrap file cannot be applied; the message names the file, the line and the fault, never a secret. */
public class BootstrapFileException extends RuntimeException {

    public BootstrapFileException(Path file, int lineNumber, String problem) {
        super("API key bootstrap file " + file + ", line " + lineNumber + ": " + problem);
    }

    public BootstrapFileException(Path file, String problem, Throwable cause) {
        super("API key bootstrap file " + file + ": " + problem, cause);
    }
}
