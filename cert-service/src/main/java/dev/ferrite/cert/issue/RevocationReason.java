package dev.ferrite.cert.issue;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.x509.CRLReason;

/** RFC 5280's CRLReason values, by their RFC names ({@code removeFromCRL} is not a reason to revoke). */
public enum RevocationReason {
    UNSPECIFIED("unspecified", CRLReason.unspecified),
    KEY_COMPROMISE("keyCompromise", CRLReason.keyCompromise),
    CA_COMPROMISE("cACompromise", CRLReason.cACompromise),
    AFFILIATION_CHANGED("affiliationChanged", CRLReason.affiliationChanged),
    SUPERSEDED("superseded", CRLReason.superseded),
    CESSATION_OF_OPERATION("cessationOfOperation", CRLReason.cessationOfOperation),
    CERTIFICATE_HOLD("certificateHold", CRLReason.certificateHold),
    PRIVILEGE_WITHDRAWN("privilegeWithdrawn", CRLReason.privilegeWithdrawn),
    AA_COMPROMISE("aACompromise", CRLReason.aACompromise);

    private final String rfcName;
    private final int code;

    RevocationReason(String rfcName, int code) {
        this.rfcName = rfcName;
        this.code = code;
    }

    public String rfcName() {
        return rfcName;
    }

    /** The CRLReason code, as in CRL entries and OCSP responses. */
    public int code() {
        return code;
    }

    public static Optional<RevocationReason> fromRfcName(String name) {
        return Arrays.stream(values()).filter(reason -> reason.rfcName.equals(name)).findFirst();
    }

    public static String rfcNames() {
        return Arrays.stream(values()).map(RevocationReason::rfcName).collect(Collectors.joining(", "));
    }
}
