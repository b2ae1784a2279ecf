package dev.ferrite.cert.bundle;

import java.security.PrivateKey;

import dev.ferrite.cert.ca.KeyEncryption;
import dev.ferrite.cert.pem.Pem;

import org.springframework.stereotype.Component;

/** Seals bundles' private keys for storage and opens them for the consumers that WatchBundles serves. */
@Component
public class BundleKeys {

    private final KeyEncryption encryption;

    public BundleKeys(KeyEncryption encryption) {
        this.encryption = encryption;
    }

    String seal(String bundle, PrivateKey key) {
        return encryption.encrypt(key, owner(bundle));
    }

    /**
     * PKCS#8 PEM ({@code BEGIN PRIVATE KEY}, what Netty and Java's TLS read) of a version's
     * private key: for the internal control bus only, never for REST or logs.
     */
    public String privateKeyPem(String bundle, BundleVersion version) {
        return Pem.encode(encryption.decrypt(version.encryptedKey(), owner(bundle), version.keyType()));
    }

    private static String owner(String bundle) {
        return "bundle:" + bundle;
    }
}
