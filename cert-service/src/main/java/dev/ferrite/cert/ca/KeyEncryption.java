package dev.ferrite.cert.ca;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts private keys at rest with AES-256-GCM. The owner's name (a CA's name, or
 * {@code bundle:<name>}) is bound in as associated data, so a key cannot be moved to another
 * owner's row unnoticed.
 */
public class KeyEncryption {

    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public KeyEncryption(SecretKey key) {
        this.key = key;
    }

    public String encrypt(PrivateKey privateKey, String owner) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(privateKey.getEncoded());
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt the private key of '" + owner + "'", e);
        }
    }

    public PrivateKey decrypt(String stored, String owner, KeyType keyType) {
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("The private key of '" + owner + "' is stored in an unknown format");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] pkcs8 = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return KeyFactory.getInstance(keyType.algorithm()).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt the private key of '" + owner + "'"
                    + ": is ferrite.cert.key-encryption-key the key it was encrypted with?", e);
        }
    }
}
