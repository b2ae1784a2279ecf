package dev.ferrite.tls.pem;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** A certificate file and its key file, loaded together and checked to belong together. */
public final class CertifiedKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertifiedKeys() {
    }

    /**
     * @param password for an encrypted key file; {@code null} when it is not encrypted
     * @param now the instant at which the certificates' validity is judged, for the warnings
     */
    public static Loaded<CertifiedKey> load(Path certificateFile, Path keyFile, char[] password, Instant now) {
        List<X509Certificate> chain = PemCertificates.chain(certificateFile);
        PrivateKey key = PemPrivateKeys.read(keyFile, password);
        if (!belongTogether(key, chain.get(0).getPublicKey())) {
            throw new PemFileException(keyFile, "holds a private key that does not match the certificate in " + certificateFile);
        }
        return new Loaded<>(new CertifiedKey(chain, key), ValidityWarning.check(certificateFile, chain, now));
    }

    /** Signs random bytes with the private key and verifies them with the public one: works for every key type. */
    static boolean belongTogether(PrivateKey key, PublicKey publicKey) {
        String algorithm = signatureAlgorithm(publicKey);
        if (algorithm == null || !sameFamily(key, publicKey)) {
            return false;
        }
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean sameFamily(PrivateKey key, PublicKey publicKey) {
        return normalise(key.getAlgorithm()).equals(normalise(publicKey.getAlgorithm()));
    }

    private static String normalise(String algorithm) {
        return switch (algorithm) {
            case "ECDSA" -> "EC";
            case "Ed25519", "Ed448" -> "EdDSA";
            default -> algorithm;
        };
    }

    private static String signatureAlgorithm(PublicKey publicKey) {
        return switch (normalise(publicKey.getAlgorithm())) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA" -> "EdDSA";
            default -> null;
        };
    }
}
