package dev.ferrite.cert.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Signs X.509 v3 certificates: serial, validity, key identifiers, and whatever extensions the caller adds. */
public final class CertificateSigner {

    /** Extensions beyond the key identifiers, added by the caller. */
    @FunctionalInterface
    public interface Extensions {
        void addTo(X509v3CertificateBuilder builder, JcaX509ExtensionUtils utils) throws CertIOException, GeneralSecurityException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateSigner() {
    }

    /**
     * @param issuer the issuer's certificate, or null for a self-signed one
     */
    public static X509Certificate sign(X509Certificate issuer, PrivateKey issuerKey, KeyType issuerKeyType,
            X500Name subject, PublicKey subjectKey, Instant notBefore, Instant notAfter, Extensions extensions) {
        try {
            X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, newSerial(),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuer == null
                    ? utils.createAuthorityKeyIdentifier(subjectKey)
                    : utils.createAuthorityKeyIdentifier(issuer));
            extensions.addTo(builder, utils);
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(issuerKeyType.signatureAlgorithm()).build(issuerKey)));
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot sign a certificate for " + subject, e);
        }
    }

    /** 16 random bytes, positive, as RFC 5280 allows at most 20 octets. */
    private static BigInteger newSerial() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        bytes[0] &= 0x7f;
        bytes[0] |= 0x01;
        return new BigInteger(bytes);
    }

    /** Lowercase hex without leading zeros, the form used in URLs and the database. */
    public static String serialHex(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }
}
