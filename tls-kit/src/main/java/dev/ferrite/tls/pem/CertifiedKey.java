package dev.ferrite.tls.pem;

import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** A certificate chain (leaf first) and the private key of its leaf. */
public record CertifiedKey(List<X509Certificate> chain, PrivateKey key) {

    private static final int DNS_NAME = 2;

    public CertifiedKey {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certified key needs at least its own certificate");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** The DNS names of the leaf's subjectAltName, lower case; its CN only when it has none. */
    public List<String> serverNames() {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = leaf().getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    if (((Integer) alternative.get(0)) == DNS_NAME) {
                        names.add(((String) alternative.get(1)).toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // A broken SAN extension leaves the CN, as TLS clients of old did.
        }
        if (names.isEmpty()) {
            commonName().ifPresent(cn -> names.add(cn.toLowerCase(Locale.ROOT)));
        }
        return List.copyOf(names);
    }

    private Optional<String> commonName() {
        try {
            for (Rdn rdn : new LdapName(leaf().getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
        } catch (InvalidNameException e) {
            // No usable CN.
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "CertifiedKey[" + leaf().getSubjectX500Principal().getName() + ", serial "
                + leaf().getSerialNumber().toString(16) + "]";
    }
}
