package dev.ferrite.cert.ca;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;

/** Creates a new CA: a self-signed root and an intermediate that issues everything else. */
public final class CaFactory {

    /** Tolerates relying parties whose clocks run a little behind. */
    public static final Duration BACKDATE = Duration.ofMinutes(5);

    public record NewCa(KeyPair rootKeys, X509Certificate root, KeyPair issuerKeys, X509Certificate issuer) {
    }

    private CaFactory() {
    }

    public static NewCa create(String name, KeyType keyType, Duration rootValidity, Duration issuerValidity, Instant now) {
        Instant notBefore = now.minus(BACKDATE);
        KeyPair rootKeys = keyType.generate();
        X509Certificate root = CertificateSigner.sign(null, rootKeys.getPrivate(), keyType,
                subject("Ferrite " + name + " Root CA"), rootKeys.getPublic(), notBefore, now.plus(rootValidity),
                (builder, utils) -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                });
        KeyPair issuerKeys = keyType.generate();
        X509Certificate issuer = CertificateSigner.sign(root, rootKeys.getPrivate(), keyType,
                subject("Ferrite " + name + " Issuing CA"), issuerKeys.getPublic(), notBefore, now.plus(issuerValidity),
                (builder, utils) -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
                });
        return new NewCa(rootKeys, root, issuerKeys, issuer);
    }

    private static X500Name subject(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "Ferrite")
                .addRDN(BCStyle.CN, commonName)
                .build();
    }
}
