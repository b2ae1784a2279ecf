package dev.ferrite.cert.pem;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** PEM in and out. Every parse error is an {@link InvalidPemException} with a sentence a person can act on. */
public final class Pem {

    private Pem() {
    }

    /** Certificates, CSRs and CRLs as PEM; private keys as PKCS#8 ({@code BEGIN PRIVATE KEY}). */
    public static String encode(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                // The writer's own form for a JDK EC key is SEC1 without the curve, which nothing can read back.
                writer.writeObject(object instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** PKCS#8 ({@code BEGIN PRIVATE KEY}), which every TLS stack and openssl read. */
    public static String encodePrivateKey(PrivateKey key) {
        try {
            return encode(new JcaPKCS8Generator(key, null).generate());
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalStateException("Cannot encode a " + key.getAlgorithm() + " private key", e);
        }
    }

    public static List<X509Certificate> certificates(String pem, String what) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object object : objects(pem, what)) {
            if (!(object instanceof X509CertificateHolder holder)) {
                throw new InvalidPemException(what + " holds a " + describe(object) + " where certificates were expected");
            }
            try {
                certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
            } catch (CertificateException e) {
                throw new InvalidPemException(what + " holds a certificate that cannot be read: " + e.getMessage());
            }
        }
        if (certificates.isEmpty()) {
            throw new InvalidPemException(what + " holds no PEM certificate");
        }
        return certificates;
    }

    public static PrivateKey privateKey(String pem, String what) {
        List<Object> objects = objects(pem, what);
        if (objects.size() != 1) {
            throw new InvalidPemException(what + " must hold exactly one private key, found " + objects.size() + " PEM blocks");
        }
        try {
            Object object = objects.get(0);
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new InvalidPemException(what + " holds a " + describe(object)
                    + " where an unencrypted private key was expected");
        } catch (IOException e) {
            throw new InvalidPemException(what + " holds a private key that cannot be read: " + e.getMessage());
        }
    }

    public static PKCS10CertificationRequest csr(String pem, String what) {
        List<Object> objects = objects(pem, what);
        if (objects.size() != 1 || !(objects.get(0) instanceof PKCS10CertificationRequest csr)) {
            throw new InvalidPemException(what + " must hold exactly one PEM certificate request (BEGIN CERTIFICATE REQUEST)");
        }
        return csr;
    }

    private static List<Object> objects(String pem, String what) {
        if (pem == null || pem.isBlank()) {
            throw new InvalidPemException(what + " is empty");
        }
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidPemException(what + " is not valid PEM: " + e.getMessage());
        }
        if (objects.isEmpty()) {
            throw new InvalidPemException(what + " holds no PEM block (-----BEGIN ...-----)");
        }
        return objects;
    }

    private static String describe(Object object) {
        return object.getClass().getSimpleName();
    }
}
