package dev.ferrite.tls.pem;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate that loaded but is outside its validity period now: not a reason to refuse the
 * file (a clock may be wrong, a renewal may be on its way), but one to log and raise an alarm for.
 */
public record ValidityWarning(Path file, X509Certificate certificate, Kind kind, Instant now) {

    public enum Kind { EXPIRED, NOT_YET_VALID }

    /** One sentence naming the file, the certificate and the problem. */
    public String message() {
        String subject = certificate.getSubjectX500Principal().getName();
        String serial = certificate.getSerialNumber().toString(16);
        return switch (kind) {
            case EXPIRED -> file + " holds certificate " + subject + " (serial " + serial + ") that expired at "
                    + certificate.getNotAfter().toInstant() + ".";
            case NOT_YET_VALID -> file + " holds certificate " + subject + " (serial " + serial
                    + ") that is not valid before " + certificate.getNotBefore().toInstant() + ".";
        };
    }

    /** The warnings for the certificates of one file at {@code now}; empty when all are valid. */
    public static List<ValidityWarning> check(Path file, List<X509Certificate> certificates, Instant now) {
        List<ValidityWarning> warnings = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            if (now.isAfter(certificate.getNotAfter().toInstant())) {
                warnings.add(new ValidityWarning(file, certificate, Kind.EXPIRED, now));
            } else if (now.isBefore(certificate.getNotBefore().toInstant())) {
                warnings.add(new ValidityWarning(file, certificate, Kind.NOT_YET_VALID, now));
            }
        }
        return List.copyOf(warnings);
    }

    @Override
    public String toString() {
        return message();
    }
}
