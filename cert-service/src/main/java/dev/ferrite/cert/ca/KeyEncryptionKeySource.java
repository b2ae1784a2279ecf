package dev.ferrite.cert.ca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key-encryption key comes from: {@code ferrite.cert.key-encryption-key} (production:
 * from a secret), or else a file generated once under the data directory (laptops).
 */
public final class KeyEncryptionKeySource {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKeySource.class);
    private static final int KEY_BYTES = 32;

    private KeyEncryptionKeySource() {
    }

    public static SecretKey resolve(String configured, Path generatedFile) {
        if (!configured.isBlank()) {
            return aesKey(decode(configured.strip(), "ferrite.cert.key-encryption-key"));
        }
        try {
            if (!Files.exists(generatedFile)) {
                byte[] key = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(generatedFile.getParent());
                Files.createFile(generatedFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(generatedFile, Base64.getEncoder().encodeToString(key) + "\n");
                log.warn("Generated a key-encryption key for the private keys of CAs and bundles in {}; in production set "
                        + "ferrite.cert.key-encryption-key from a secret instead", generatedFile);
            }
            return aesKey(decode(Files.readString(generatedFile, StandardCharsets.US_ASCII).strip(), generatedFile.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key-encryption key file " + generatedFile, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " must be base64, e.g. the output of 'openssl rand -base64 32'");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(source + " must be " + KEY_BYTES + " bytes in base64, was " + key.length + " bytes");
        }
        return key;
    }

    private static SecretKey aesKey(byte[] bytes) {
        return new SecretKeySpec(bytes, "AES");
    }
}
