package dev.ferrite.tls.crl;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.function.Supplier;

/** Finds the certificate that signed a CRL among the CA certificates the cache is told of. */
final class IssuerDirectory {

    private final Supplier<? extends Collection<X509Certificate>> cas;

    IssuerDirectory(Supplier<? extends Collection<X509Certificate>> cas) {
        this.cas = cas;
    }

    /** @return the CA whose name is the CRL's issuer and whose key verifies it, or null */
    X509Certificate find(X509CRL crl) {
        for (X509Certificate ca : cas.get()) {
            if (CrlEntry.sameIssuer(ca, crl) && CrlEntry.verifies(crl, ca)) {
                return ca;
            }
        }
        return null;
    }
}
