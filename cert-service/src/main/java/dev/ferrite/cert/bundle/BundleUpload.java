package dev.ferrite.cert.bundle;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import dev.ferrite.cert.ca.KeyType;
import dev.ferrite.cert.ca.Signatures;
import dev.ferrite.cert.pem.InvalidPemException;
import dev.ferrite.cert.pem.Pem;

/** Checks an uploaded chain, key and trust CAs before a listener is handed them. */
final class BundleUpload {

    record Checked(List<X509Certificate> chain, PrivateKey key, KeyType keyType, List<X509Certificate> cas) {
    }

    private BundleUpload() {
    }

    /**
     * @param chainPem the certificate first, then each certificate that signed the one before it
     * @param caPem optional CAs to trust for peers
     */
    static Checked check(String chainPem, String keyPem, String caPem, Instant now) {
        List<X509Certificate> chain = Pem.certificates(chainPem, "chainPem");
        PrivateKey key = Pem.privateKey(keyPem, "keyPem");
        KeyType keyType;
        try {
            keyType = KeyType.of(key);
        } catch (IllegalArgumentException e) {
            throw new InvalidPemException("keyPem is " + e.getMessage());
        }
        requireKeyOfFirstCertificate(chain, key);
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            if (certificate.getNotAfter().toInstant().isBefore(now)) {
                throw new InvalidPemException(describe(chain, i) + " expired on " + certificate.getNotAfter().toInstant());
            }
            if (i + 1 < chain.size() && !Signatures.issuedBy(certificate, chain.get(i + 1))) {
                throw new InvalidPemException(describe(chain, i) + " is not signed by the certificate after it;"
                        + " order chainPem from the certificate up to its CA");
            }
        }
        List<X509Certificate> cas = caPem == null || caPem.isBlank() ? List.of() : Pem.certificates(caPem, "caPem");
        return new Checked(chain, key, keyType, cas);
    }

    private static void requireKeyOfFirstCertificate(List<X509Certificate> chain, PrivateKey key) {
        if (Signatures.keyMatches(key, chain.get(0).getPublicKey())) {
            return;
        }
        for (int i = 1; i < chain.size(); i++) {
            if (Signatures.keyMatches(key, chain.get(i).getPublicKey())) {
                throw new InvalidPemException("keyPem belongs to " + describe(chain, i)
                        + ", not to the first; put the certificate of keyPem first in chainPem");
            }
        }
        throw new InvalidPemException("keyPem is not the private key of the first certificate of chainPem ("
                + chain.get(0).getSubjectX500Principal() + ")");
    }

    private static String describe(List<X509Certificate> chain, int index) {
        return "certificate " + (index + 1) + " of chainPem (" + chain.get(index).getSubjectX500Principal() + ")";
    }
}
