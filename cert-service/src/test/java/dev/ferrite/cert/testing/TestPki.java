package dev.ferrite.cert.testing;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import dev.ferrite.cert.ca.CertificateSigner;
import dev.ferrite.cert.ca.KeyType;
import dev.ferrite.cert.pem.Pem;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;

/** A throwaway PKI outside cert-service: a root, an intermediate and server certificates of any validity. */
public final class TestPki {

    /** A certificate and its key pair. */
    public record Issued(X509Certificate certificate, KeyPair keys) {

        public String certificatePem() {
            return Pem.encode(certificate);
        }

        public String keyPem() {
            return Pem.encode(keys.getPrivate());
        }

        public String serialHex() {
            return certificate.getSerialNumber().toString(16);
        }
    }

    private final Issued root;
    private final Issued intermediate;

    public TestPki(Instant now) {
        root = ca(null, "Test Root", now);
        intermediate = ca(root, "Test Intermediate", now);
    }

    public Issued root() {
        return root;
    }

    public Issued intermediate() {
        return intermediate;
    }

    /** A server certificate from the intermediate, valid from {@code notBefore} to {@code notAfter}. */
    public Issued server(String host, Instant notBefore, Instant notAfter) {
        KeyPair keys = KeyType.EC_P256.generate();
        X509Certificate certificate = CertificateSigner.sign(intermediate.certificate(), intermediate.keys().getPrivate(),
                KeyType.EC_P256, new X500Name("CN=" + host), keys.getPublic(), notBefore, notAfter, (builder, utils) -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
                });
        return new Issued(certificate, keys);
    }

    /** A server certificate valid from an hour ago for {@code validity}. */
    public Issued server(String host, Instant now, Duration validity) {
        return server(host, now.minus(Duration.ofHours(1)), now.plus(validity));
    }

    /** The server certificate, then the intermediate: a chain as it should be uploaded. */
    public String chainPem(Issued server) {
        return Pem.encode(server.certificate(), intermediate.certificate());
    }

    private static Issued ca(Issued issuer, String name, Instant now) {
        KeyPair keys = KeyType.EC_P256.generate();
        X509Certificate certificate = CertificateSigner.sign(issuer == null ? null : issuer.certificate(),
                issuer == null ? keys.getPrivate() : issuer.keys().getPrivate(), KeyType.EC_P256,
                new X500Name("CN=" + name), keys.getPublic(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)),
                (builder, utils) -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                });
        return new Issued(certificate, keys);
    }
}
