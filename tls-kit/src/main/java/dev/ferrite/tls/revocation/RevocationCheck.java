package dev.ferrite.tls.revocation;

import java.security.cert.X509Certificate;

import dev.ferrite.tls.RevocationAnswer;

/** One revocation source: {@code CrlCache::check} or {@code OcspClient::check}. */
@FunctionalInterface
public interface RevocationCheck {

    RevocationAnswer check(X509Certificate certificate, X509Certificate issuer);
}
