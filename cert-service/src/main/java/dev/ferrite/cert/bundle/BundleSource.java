package dev.ferrite.cert.bundle;

import java.util.Locale;

/** Where a bundle's certificate came from, which decides whether cert-service can rotate it. */
public enum BundleSource {
    /** Brought in with its key through {@code PUT /api/v5/bundles/{name}}. */
    UPLOADED,
    /** Issued by one of cert-service's CAs; it can be rotated with the same parameters. */
    ISSUED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
