package dev.ferrite.cert.bundle;

import java.time.Instant;

/**
 * A named certificate chain with its private key (and optional trust CAs) that listeners and
 * connectors refer to.
 *
 * @param issue how it was issued; null for an uploaded bundle
 * @param previous the version that {@code current} replaced, kept until the consumers confirm
 *                 the new one or it expires; null when there is none
 */
public record Bundle(String name, BundleSource source, IssueParameters issue, BundleVersion current,
        BundleVersion previous, Instant updatedAt) {

    /** The same bundle with {@code next} as its current version and the current one kept as previous. */
    Bundle replacedBy(BundleSource source, IssueParameters issue, BundleVersion next, Instant at) {
        return new Bundle(name, source, issue, next, current, at);
    }

    Bundle withoutPrevious(Instant at) {
        return new Bundle(name, source, issue, current, null, at);
    }
}
