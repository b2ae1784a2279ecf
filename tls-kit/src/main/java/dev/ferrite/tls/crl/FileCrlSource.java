package dev.ferrite.tls.crl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A CRL in a file; its content hash stands for an ETag, so that an unchanged file is not parsed again. */
record FileCrlSource(Path file) implements CrlSource {

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public CrlOrigin origin() {
        return CrlOrigin.CONFIGURED_FILE;
    }

    @Override
    public CrlDownload fetch(String etag, String lastModified) throws CrlFetchException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CrlFetchException(file + " does not exist", e);
        } catch (IOException e) {
            throw new CrlFetchException(file + " cannot be read: " + e.getMessage(), e);
        }
        String hash = sha256(content);
        return hash.equals(etag) ? CrlDownload.notModified(hash, null) : new CrlDownload(content, hash, null);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
