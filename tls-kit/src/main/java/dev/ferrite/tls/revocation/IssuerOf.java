package dev.ferrite.tls.revocation;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** The certificate that signed a peer's certificate: next in the chain it sent, or one of the trusted CAs. */
final class IssuerOf {

    private IssuerOf() {
    }

    static X509Certificate find(X509Certificate certificate, X509Certificate[] chain, X509Certificate[] trusted) {
        List<X509Certificate> candidates = new ArrayList<>(List.of(chain).subList(1, chain.length));
        candidates.addAll(List.of(trusted));
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()) && signed(candidate,
                    certificate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean signed(X509Certificate issuer, X509Certificate certificate) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
