package dev.ferrite.tls.pem;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** CA bundles: the certificates a listener trusts, with warnings for those outside their validity. */
public final class CaBundles {

    private CaBundles() {
    }

    public static Loaded<List<X509Certificate>> load(Path file, Instant now) {
        List<X509Certificate> certificates = PemCertificates.caBundle(file);
        return new Loaded<>(certificates, ValidityWarning.check(file, certificates, now));
    }
}
