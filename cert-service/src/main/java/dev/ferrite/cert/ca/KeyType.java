package dev.ferrite.cert.ca;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
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
}
