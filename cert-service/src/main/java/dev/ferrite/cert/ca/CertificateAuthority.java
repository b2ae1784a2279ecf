package dev.ferrite.cert.ca;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * A CA ready to sign: its root, the intermediate that issues certificates, CRLs and OCSP
 * signers, and that intermediate's private key (decrypted, in memory only).
 */
public record CertificateAuthority(
        String name,
        KeyType keyType,
        X509Certificate root,
        X509Certificate issuer,
        PrivateKey issuerKey,
        Instant createdAt) {

    /** The chain for trust stores: intermediate, then root. */
    public List<X509Certificate> chain() {
        return List.of(issuer, root);
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + name + ", " + issuer.getSubjectX500Principal() + "]";
    }
}
