package dev.ferrite.tls.pem;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Private keys from PEM files: PKCS#8 ({@code PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY}),
 * SEC1 EC ({@code EC PRIVATE KEY}, with or without {@code EC PARAMETERS}), encrypted PKCS#8
 * ({@code ENCRYPTED PRIVATE KEY}) and OpenSSL's legacy encrypted PEM, both with a password.
 */
public final class PemPrivateKeys {

    /** Not registered with the JVM: only the decryption of keys uses it. */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private PemPrivateKeys() {
    }

    /** @param password for an encrypted key; {@code null} or empty when the key is not encrypted */
    public static PrivateKey read(Path file, char[] password) {
        List<Object> keys = PemBlocks.read(file, "private key file").stream()
                .filter(object -> !(object instanceof ASN1ObjectIdentifier))
                .toList();
        if (keys.size() != 1) {
            throw new PemFileException(file, "holds " + keys.size() + " PEM blocks; a private key file must hold exactly one key");
        }
        Object key = keys.get(0);
        try {
            return convert(file, key, password);
        } catch (PemFileException e) {
            throw e;
        } catch (Exception e) {
            throw new PemFileException(file, "holds a private key that cannot be read (" + PemBlocks.firstLine(e) + ")", e);
        }
    }

    private static PrivateKey convert(Path file, Object key, char[] password) throws Exception {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        if (key instanceof PrivateKeyInfo info) {
            return converter.getPrivateKey(info);
        }
        if (key instanceof PEMKeyPair pair) {
            return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (key instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            requirePassword(file, password);
            try {
                return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(password)));
            } catch (Exception e) {
                throw wrongPassword(file, e);
            }
        }
        if (key instanceof PEMEncryptedKeyPair encrypted) {
            requirePassword(file, password);
            try {
                return converter.getPrivateKey(encrypted.decryptKeyPair(
                        new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(password)).getPrivateKeyInfo());
            } catch (Exception e) {
                throw wrongPassword(file, e);
            }
        }
        throw new PemFileException(file, "holds a " + PemBlocks.describe(key) + " where a private key was expected");
    }

    private static void requirePassword(Path file, char[] password) {
        if (password == null || password.length == 0) {
            throw new PemFileException(file, "holds an encrypted private key and no password was given for it");
        }
    }

    private static PemFileException wrongPassword(Path file, Exception e) {
        return new PemFileException(file, "holds an encrypted private key that the given password does not decrypt", e);
    }
}
