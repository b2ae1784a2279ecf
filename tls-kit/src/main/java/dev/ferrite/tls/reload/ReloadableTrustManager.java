package dev.ferrite.tls.reload;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust in a set of CA certificates (PKIX, as the JDK checks it), replaceable while the listener
 * runs: handshakes that start after {@link #swap} are checked against the new CAs.
 */
public final class ReloadableTrustManager extends X509ExtendedTrustManager {

    private record Trust(X509ExtendedTrustManager delegate, List<X509Certificate> cas) {
    }

    private volatile Trust current;

    public ReloadableTrustManager(Collection<X509Certificate> cas) {
        current = build(cas);
    }

    public void swap(Collection<X509Certificate> cas) {
        current = build(cas);
    }

    /** The CA certificates trusted now. */
    public List<X509Certificate> cas() {
        return current.cas();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        current.delegate().checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        current.delegate().checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        current.delegate().checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        current.delegate().checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        current.delegate().checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        current.delegate().checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return current.cas().toArray(X509Certificate[]::new);
    }

    private static Trust build(Collection<X509Certificate> cas) {
        if (cas.isEmpty()) {
            throw new IllegalArgumentException("trust needs at least one CA certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate ca : cas) {
                store.setCertificateEntry("ca-" + i++, ca);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    return new Trust(x509, List.copyOf(cas));
                }
            }
            throw new IllegalStateException("the JDK's PKIX trust manager factory gave no X509ExtendedTrustManager");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot build trust in " + cas.size() + " CA certificates", e);
        }
    }
}
