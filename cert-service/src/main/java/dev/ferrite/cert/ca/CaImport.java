package dev.ferrite.cert.ca;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import dev.ferrite.cert.pem.InvalidPemException;
import dev.ferrite.cert.pem.Pem;

/** Checks an existing CA brought in as a PEM chain and key before it is trusted with anything. */
final class CaImport {

    record Checked(KeyType keyType, X509Certificate issuer, PrivateKey issuerKey, X509Certificate root) {
    }

    private CaImport() {
    }

    /** @param chainPem the issuing CA's certificate first, then each issuer up to a self-signed root */
    static Checked check(String chainPem, String keyPem, Instant now) {
        List<X509Certificate> chain = Pem.certificates(chainPem, "chainPem");
        PrivateKey key = Pem.privateKey(keyPem, "keyPem");
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            String which = "certificate " + (i + 1) + " of chainPem (" + certificate.getSubjectX500Principal() + ")";
            if (certificate.getBasicConstraints() < 0) {
                throw new InvalidPemException(which + " is not a CA certificate (basicConstraints CA:TRUE is missing)");
            }
            boolean[] usage = certificate.getKeyUsage();
            if (usage != null && !usage[5]) {
                throw new InvalidPemException(which + " may not sign certificates (keyUsage lacks keyCertSign)");
            }
            try {
                certificate.checkValidity(Date.from(now));
            } catch (GeneralSecurityException e) {
                throw new InvalidPemException(which + " is not valid now: it runs from " + certificate.getNotBefore().toInstant()
                        + " to " + certificate.getNotAfter().toInstant());
            }
            X509Certificate signer = i + 1 < chain.size() ? chain.get(i + 1) : certificate;
            if (!Signatures.issuedBy(certificate, signer)) {
                throw new InvalidPemException(i + 1 < chain.size()
                        ? which + " is not signed by the certificate after it; order chainPem from the issuing CA up to the root"
                        : which + " is the last of chainPem but not a self-signed root; add the certificates up to the root");
            }
        }
        X509Certificate issuer = chain.get(0);
        if (!Signatures.keyMatches(key, issuer.getPublicKey())) {
            throw new InvalidPemException("keyPem is not the private key of the first certificate of chainPem");
        }
        return new Checked(keyType(key), issuer, key, chain.get(chain.size() - 1));
    }

    private static KeyType keyType(PrivateKey key) {
        try {
            return KeyType.of(key);
        } catch (IllegalArgumentException e) {
            throw new InvalidPemException("keyPem is " + e.getMessage());
        }
    }
}
