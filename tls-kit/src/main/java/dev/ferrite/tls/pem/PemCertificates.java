package dev.ferrite.tls.pem;

import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/** Certificate chains and CA bundles from PEM files. */
public final class PemCertificates {

    private PemCertificates() {
    }

    /** The certificates of a chain file, leaf first, as written; at least one. */
    public static List<X509Certificate> chain(Path file) {
        return certificates(file, "certificate file");
    }

    /** The certificates of a CA bundle; at least one. */
    public static List<X509Certificate> caBundle(Path file) {
        return certificates(file, "CA certificate file");
    }

    private static List<X509Certificate> certificates(Path file, String what) {
        List<X509Certificate> certificates = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Object object : PemBlocks.read(file, what)) {
            if (object instanceof X509CertificateHolder holder) {
                certificates.add(convert(file, holder));
            } else {
                others.add(PemBlocks.describe(object));
            }
        }
        if (certificates.isEmpty()) {
            throw new PemFileException(file, "holds no certificate, only " + String.join(", ", others));
        }
        if (!others.isEmpty()) {
            throw new PemFileException(file, "holds a " + others.get(0) + " beside its certificates; a " + what
                    + " must hold certificates only");
        }
        return List.copyOf(certificates);
    }

    private static X509Certificate convert(Path file, X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new PemFileException(file, "holds a certificate that cannot be read (" + PemBlocks.firstLine(e) + ")", e);
        }
    }
}
