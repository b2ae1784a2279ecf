package dev.ferrite.tls.stapling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The last good OCSP response of each certificate on disk, one file per certificate named by the
 * SHA-256 of the certificate, so that a restarted process staples from its first handshake.
 */
final class StapleStore {

    private final Path directory;

    StapleStore(Path directory) {
        this.directory = directory;
    }

    Optional<byte[]> read(X509Certificate certificate) throws IOException {
        Path file = fileOf(certificate);
        return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    /** Writes a temporary file and renames it, so that a crash never leaves half a response. */
    void write(X509Certificate certificate, byte[] response) throws IOException {
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".staple", ".tmp");
        try {
            Files.write(temporary, response);
            Files.move(temporary, fileOf(certificate), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    Path fileOf(X509Certificate certificate) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return directory.resolve(HexFormat.of().formatHex(hash) + ".ocsp");
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
