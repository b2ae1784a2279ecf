package dev.ferrite.cert.issue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/** What an issued certificate is for, and what that requires of it. */
public enum Profile {
    /** A device proving itself to the gateway: TLS client authentication. */
    DEVICE(KeyPurposeId.id_kp_clientAuth, false, 365),
    /** A TLS server such as a gateway listener: server authentication; SANs required. */
    SERVER(KeyPurposeId.id_kp_serverAuth, true, 90),
    /** The delegated signer of OCSP responses. */
    OCSP_SIGNING(KeyPurposeId.id_kp_OCSPSigning, false, 30);

    private final KeyPurposeId extendedKeyUsage;
    private final boolean sansRequired;
    private final int defaultValidityDays;

    Profile(KeyPurposeId extendedKeyUsage, boolean sansRequired, int defaultValidityDays) {
        this.extendedKeyUsage = extendedKeyUsage;
        this.sansRequired = sansRequired;
        this.defaultValidityDays = defaultValidityDays;
    }

    public KeyPurposeId extendedKeyUsage() {
        return extendedKeyUsage;
    }

    public boolean sansRequired() {
        return sansRequired;
    }

    public int defaultValidityDays() {
        return defaultValidityDays;
    }

    /** {@code device}, {@code server}, {@code ocsp-signing}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Profile> fromWireName(String name) {
        return Arrays.stream(values()).filter(profile -> profile.wireName().equals(name)).findFirst();
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(Profile::wireName).collect(Collectors.joining(", "));
    }
}
