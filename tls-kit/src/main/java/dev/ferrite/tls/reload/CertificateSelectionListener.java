package dev.ferrite.tls.reload;

import javax.net.ssl.SSLEngine;

import dev.ferrite.tls.pem.CertifiedKey;

/**
 * Told which certificate a server handshake will present, while the handshake runs: the moment
 * to hand the engine that certificate's OCSP staple.
 */
@FunctionalInterface
public interface CertificateSelectionListener {

    void selected(SSLEngine engine, CertifiedKey key);
}
