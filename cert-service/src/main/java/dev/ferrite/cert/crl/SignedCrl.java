package dev.ferrite.cert.crl;

import java.time.Duration;
import java.time.Instant;

/**
 * A CA's signed CRL in both encodings it is served in.
 *
 * @param thisUpdateShared whether an earlier CRL of the same CA has the same thisUpdate (CRL times
 *                         have whole seconds), so that the date alone does not tell them apart
 */
record SignedCrl(String ca, long number, Instant thisUpdate, Instant nextUpdate, byte[] der, String pem,
        boolean thisUpdateShared) {

    String etag() {
        return "\"crl-" + number + "\"";
    }

    boolean isPastHalfItsValidity(Instant now) {
        Instant halfway = thisUpdate.plus(Duration.between(thisUpdate, nextUpdate).dividedBy(2));
        return !now.isBefore(halfway);
    }

    SignedCrl withThisUpdateShared() {
        return new SignedCrl(ca, number, thisUpdate, nextUpdate, der, pem, true);
    }

    @Override
    public String toString() {
        return "SignedCrl[" + ca + " #" + number + ", " + thisUpdate + " to " + nextUpdate + "]";
    }
}
