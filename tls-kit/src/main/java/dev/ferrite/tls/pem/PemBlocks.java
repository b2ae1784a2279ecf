package dev.ferrite.tls.pem;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.openssl.PEMParser;

/** The PEM objects of one file, read with BouncyCastle, with the file's problems put into words. */
final class PemBlocks {

    private PemBlocks() {
    }

    /**
     * @param what what the file should hold, for messages ("certificate file", "private key file")
     * @return at least one parsed PEM object
     */
    static List<Object> read(Path file, String what) {
        String text = text(file, what);
        if (text.isBlank()) {
            throw new PemFileException(file, "is empty; a " + what + " in PEM was expected");
        }
        if (!text.contains("-----BEGIN ")) {
            throw new PemFileException(file, "is not PEM: it has no -----BEGIN ...----- line (a DER file must be converted first)");
        }
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            throw new PemFileException(file, "is not valid PEM (" + firstLine(e) + ")", e);
        }
        if (objects.isEmpty()) {
            throw new PemFileException(file, "holds no PEM block that can be read");
        }
        return objects;
    }

    private static String text(Path file, String what) {
        try {
            // Latin-1 decodes any bytes, so that a DER file is reported as "not PEM" rather than unreadable.
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new PemFileException(file, "does not exist; a " + what + " was expected there", e);
        } catch (IOException e) {
            throw new PemFileException(file, "cannot be read (" + firstLine(e) + ")", e);
        }
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A PEM object's kind in words, for "holds a ... where ... was expected". */
    static String describe(Object object) {
        String name = object.getClass().getSimpleName();
        return switch (name) {
            case "X509CertificateHolder" -> "certificate";
            case "PrivateKeyInfo", "PEMKeyPair" -> "private key";
            case "PKCS8EncryptedPrivateKeyInfo", "PEMEncryptedKeyPair" -> "encrypted private key";
            case "X509CRLHolder" -> "CRL";
            case "PKCS10CertificationRequest" -> "certificate request";
            case "SubjectPublicKeyInfo" -> "public key";
            default -> name;
        };
    }
}
