package dev.ferrite.tls.revocation;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import dev.ferrite.tls.RevocationAnswer;
import dev.ferrite.tls.RevocationStatus;

/**
 * Checks the peer's certificate against revocation sources after the trust it wraps accepted the
 * chain. Every source is asked: any REVOKED refuses, any GOOD otherwise accepts, and when all
 * say UNKNOWN the policy decides. Only the peer's own certificate is checked.
 *
 * <p>The sources may fetch over the network on first sight of a distribution point or responder;
 * with Netty, run the handshake's delegated tasks on an executor so the event loop never waits.
 */
public final class RevocationCheckingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager trust;
    private final List<RevocationCheck> checks;
    private final RevocationPolicy policy;
    private final RevocationListener listener;

    public RevocationCheckingTrustManager(X509ExtendedTrustManager trust, List<RevocationCheck> checks,
            RevocationPolicy policy, RevocationListener listener) {
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("a revocation-checking trust manager needs at least one source");
        }
        this.trust = trust;
        this.checks = List.copyOf(checks);
        this.policy = policy;
        this.listener = listener;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        trust.checkClientTrusted(chain, authType, engine);
        checkRevocation(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        trust.checkServerTrusted(chain, authType, engine);
        checkRevocation(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        trust.checkClientTrusted(chain, authType, socket);
        checkRevocation(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        trust.checkServerTrusted(chain, authType, socket);
        checkRevocation(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust.checkClientTrusted(chain, authType);
        checkRevocation(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trust.checkServerTrusted(chain, authType);
        checkRevocation(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trust.getAcceptedIssuers();
    }

    /** The decision for a chain the trust accepted; public for callers that validate chains themselves. */
    public RevocationAnswer decide(X509Certificate[] chain) {
        X509Certificate peer = chain[0];
        X509Certificate issuer = IssuerOf.find(peer, chain, trust.getAcceptedIssuers());
        if (issuer == null) {
            return RevocationAnswer.unknown("the issuer of " + peer.getSubjectX500Principal().getName() + " is not known");
        }
        List<String> unknown = new ArrayList<>();
        RevocationAnswer good = null;
        for (RevocationCheck check : checks) {
            RevocationAnswer answer = check.check(peer, issuer);
            if (answer.status() == RevocationStatus.REVOKED) {
                return answer;
            }
            if (answer.status() == RevocationStatus.GOOD && good == null) {
                good = answer;
            } else if (answer.status() == RevocationStatus.UNKNOWN) {
                unknown.add(answer.detail());
            }
        }
        return good != null ? good : RevocationAnswer.unknown(String.join("; ", unknown));
    }

    private void checkRevocation(X509Certificate[] chain) throws CertificateException {
        RevocationAnswer answer = decide(chain);
        switch (answer.status()) {
            case GOOD -> {
            }
            case REVOKED -> {
                listener.refused(chain[0], answer);
                throw new CertificateException("Certificate " + describe(chain[0]) + " is revoked: " + answer.detail());
            }
            case UNKNOWN -> {
                if (policy == RevocationPolicy.FAIL_OPEN) {
                    listener.acceptedUnknown(chain[0], answer);
                } else {
                    listener.refused(chain[0], answer);
                    throw new CertificateException("The revocation status of certificate " + describe(chain[0])
                            + " is unknown: " + answer.detail());
                }
            }
        }
    }

    private static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName() + " (serial " + certificate.getSerialNumber().toString(16)
                + ")";
    }
}
