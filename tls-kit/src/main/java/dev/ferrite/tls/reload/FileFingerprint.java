package dev.ferrite.tls.reload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * What a file looks like now: modification time, size and a hash of its content. The hash
 * matters because two writes within the file system's time granularity leave the time alone.
 */
record FileFingerprint(long modifiedMillis, long size, byte[] sha256) {

    static final FileFingerprint MISSING = new FileFingerprint(-1, -1, new byte[0]);

    static FileFingerprint of(Path file) {
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            byte[] content = Files.readAllBytes(file);
            return new FileFingerprint(modified, content.length, MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException e) {
            // Unreadable for now: different from every readable state, so a later fix is noticed.
            return MISSING;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileFingerprint that && modifiedMillis == that.modifiedMillis && size == that.size
                && Arrays.equals(sha256, that.sha256);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha256);
    }
}
