package dev.ferrite.cert.ocsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;

import dev.ferrite.cert.ca.CertificateSigner;
import dev.ferrite.cert.ca.KeyType;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A CA's delegated OCSP signer: its certificate, and its private key, which lives in memory only.
 *
 * @param responderId the responder's key hash, as RFC 6960 4.2.2.3 defines it (SHA-1 of the key)
 */
public record OcspSigner(String ca, X509Certificate certificate, X509CertificateHolder certificateHolder,
        PrivateKey key, KeyType keyType, RespID responderId) {

    public static OcspSigner of(String ca, X509Certificate certificate, PrivateKey key, KeyType keyType) {
        try {
            RespID responderId = new RespID(SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()),
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1));
            return new OcspSigner(ca, certificate, new X509CertificateHolder(certificate.getEncoded()), key, keyType,
                    responderId);
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot set up the OCSP signer of CA " + ca, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new signature operation; a {@link ContentSigner} holds state and serves one signature. */
    public ContentSigner contentSigner() {
        try {
            return new JcaContentSignerBuilder(keyType.signatureAlgorithm()).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Cannot sign with the OCSP signer of CA " + ca, e);
        }
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    public String serial() {
        return CertificateSigner.serialHex(certificate);
    }

    @Override
    public String toString() {
        return "OcspSigner[" + ca + ", serial " + serial() + ", until " + notAfter() + "]";
    }
}
