package dev.ferrite.cert.bundle;

import java.security.cert.X509Certificate;
import java.time.Instant;

import dev.ferrite.cert.ca.KeyType;
import dev.ferrite.cert.pem.Pem;

/**
 * One certificate of a bundle as stored.
 *
 * @param chainPem the certificate first, then its intermediates
 * @param encryptedKey the private key, encrypted with the key-encryption key; never leaves
 *                     cert-service in this form, and in clear only over WatchBundles
 * @param caPem CAs to trust for peers; null when the bundle has none
 */
public record BundleVersion(long version, String chainPem, String encryptedKey, KeyType keyType, String caPem,
        String serial, Instant notAfter, Instant createdAt) {

    public X509Certificate certificate() {
        return Pem.certificates(chainPem, "the stored chain of bundle version " + version).get(0);
    }

    public boolean expiredAt(Instant now) {
        return notAfter.isBefore(now);
    }

    @Override
    public String toString() {
        return "BundleVersion[" + version + ", serial " + serial + ", until " + notAfter + "]";
    }
}
