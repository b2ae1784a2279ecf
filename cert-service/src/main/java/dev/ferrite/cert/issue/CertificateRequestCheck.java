package dev.ferrite.cert.issue;

import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** A CSR's public key, accepted only when the CSR's signature holds and the key is strong enough. */
final class CertificateRequestCheck {

    static final int MIN_RSA_BITS = 2048;
    static final int MIN_EC_BITS = 256;

    record Checked(PublicKey publicKey, String commonName) {
    }

    private CertificateRequestCheck() {
    }

    static Checked check(PKCS10CertificationRequest csr) {
        PublicKey key;
        boolean signatureHolds;
        try {
            key = new JcaPEMKeyConverter().getPublicKey(csr.getSubjectPublicKeyInfo());
            signatureHolds = csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
        } catch (Exception e) {
            throw new InvalidIssueRequestException("csrPem: the CSR's key or signature cannot be read: " + e.getMessage());
        }
        if (!signatureHolds) {
            throw new InvalidIssueRequestException("csrPem: the CSR's signature does not match its public key");
        }
        if (key instanceof RSAKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new InvalidIssueRequestException("csrPem: the RSA key has " + rsa.getModulus().bitLength()
                    + " bits; at least " + MIN_RSA_BITS + " are required");
        }
        if (key instanceof ECKey ec && ec.getParams().getCurve().getField().getFieldSize() < MIN_EC_BITS) {
            throw new InvalidIssueRequestException("csrPem: the EC key is on a " + ec.getParams().getCurve().getField().getFieldSize()
                    + "-bit curve; at least " + MIN_EC_BITS + " bits are required");
        }
        if (!(key instanceof RSAKey) && !(key instanceof ECKey)) {
            throw new InvalidIssueRequestException("csrPem: " + key.getAlgorithm() + " keys are not supported; use RSA or EC");
        }
        RDN[] commonNames = csr.getSubject().getRDNs(BCStyle.CN);
        String commonName = commonNames.length == 0 ? null : IETFUtils.valueToString(commonNames[0].getFirst().getValue());
        return new Checked(key, commonName);
    }
}
