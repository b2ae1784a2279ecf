package dev.ferrite.cert.ca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;

/** The key algorithms Ferrite's CAs and generated device keys use. */
public enum KeyType {
    EC_P256("EC", "secp256r1", 256, "SHA256withECDSA"),
    EC_P384("EC", "secp384r1", 384, "SHA384withECDSA"),
    RSA_2048("RSA", null, 2048, "SHA256withRSA"),
    RSA_3072("RSA", null, 3072, "SHA256withRSA"),
    RSA_4096("RSA", null, 4096, "SHA256withRSA");

    private final String algorithm;
    private final String curve;
    private final int bits;
    private final String signatureAlgorithm;

    KeyType(String algorithm, String curve, int bits, String signatureAlgorithm) {
        this.algorithm = algorithm;
        this.curve = curve;
        this.bits = bits;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else {
                generator.initialize(bits);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + this + " key", e);
        }
    }

    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public String algorithm() {
        return algorithm;
    }

    /** As written in configuration and JSON: {@code ec-p256}, {@code rsa-2048}, ... */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<KeyType> fromWireName(String name) {
        return java.util.Arrays.stream(values()).filter(type -> type.wireName().equals(name)).findFirst();
    }

    /**
     * The type of an existing key.
     *
     * @throws IllegalArgumentException for a key of no supported type; its message completes
     *         "the key is ...", e.g. "an RSA key of 1024 bits; 2048, 3072 or 4096 are supported"
     */
    public static KeyType of(PrivateKey key) {
        if (key instanceof RSAKey rsa) {
            int bits = rsa.getModulus().bitLength();
            return switch (bits) {
                case 2048 -> RSA_2048;
                case 3072 -> RSA_3072;
                case 4096 -> RSA_4096;
                default -> throw new IllegalArgumentException("an RSA key of " + bits + " bits; 2048, 3072 or 4096 are supported");
            };
        }
        if (key instanceof ECKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return switch (bits) {
                case 256 -> EC_P256;
                case 384 -> EC_P384;
                default -> throw new IllegalArgumentException("an EC key on a " + bits + "-bit curve; P-256 or P-384 are supported");
            };
        }
        throw new IllegalArgumentException("a " + key.getAlgorithm() + " key; RSA or EC keys are supported");
    }
}
