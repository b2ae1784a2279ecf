package dev.ferrite.tls.ocsp;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;

import dev.ferrite.tls.RevocationStatus;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Verifies an OCSP response for one certificate (RFC 6960 3.2): signed by the issuer, or by a
 * delegated responder that the issuer certified for id-kp-OCSPSigning and that is valid now; an
 * answer for exactly our certificate id; thisUpdate not ahead of now by more than the skew; not
 * past its nextUpdate; our nonce echoed if the responder sent one back.
 */
public final class OcspResponseVerifier {

    private static final String[] RESPONSE_STATUS = {
        "successful", "malformedRequest", "internalError", "tryLater", "4", "sigRequired", "unauthorized" };

    private final OcspSettings settings;

    public OcspResponseVerifier(OcspSettings settings) {
        this.settings = settings;
    }

    /**
     * @param nonce the nonce extension value we sent, or null
     * @throws OcspException naming the first check that failed
     */
    public VerifiedOcspResponse verify(byte[] der, X509Certificate certificate, X509Certificate issuer, byte[] nonce,
            Instant now) throws OcspException {
        BasicOCSPResp basic = basicResponse(der);
        X509CertificateHolder issuerHolder = holder(issuer);
        String signer = signer(basic, issuer, issuerHolder, now);
        SingleResp single = answerFor(basic, certificate, issuerHolder);
        Instant thisUpdate = single.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(now.plus(settings.clockSkew()))) {
            throw new OcspException("the OCSP response's thisUpdate " + thisUpdate + " is in the future");
        }
        Instant validUntil = single.getNextUpdate() == null
                ? thisUpdate.plus(settings.validityWithoutNextUpdate())
                : single.getNextUpdate().toInstant();
        if (!now.isBefore(validUntil)) {
            throw new OcspException("the OCSP response expired at " + validUntil);
        }
        checkNonce(basic, nonce);
        CertificateStatus status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return new VerifiedOcspResponse(RevocationStatus.GOOD, thisUpdate, validUntil, null, signer, der.clone());
        }
        if (status instanceof RevokedStatus revoked) {
            return new VerifiedOcspResponse(RevocationStatus.REVOKED, thisUpdate, validUntil,
                    revoked.getRevocationTime().toInstant(), signer, der.clone());
        }
        return new VerifiedOcspResponse(RevocationStatus.UNKNOWN, thisUpdate, validUntil, null, signer, der.clone());
    }

    private static BasicOCSPResp basicResponse(byte[] der) throws OcspException {
        try {
            OCSPResp response = new OCSPResp(der);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                int status = response.getStatus();
                throw new OcspException("the OCSP responder answered "
                        + (status >= 0 && status < RESPONSE_STATUS.length ? RESPONSE_STATUS[status] : "status " + status));
            }
            if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
                throw new OcspException("the OCSP response is not a basic response");
            }
            return basic;
        } catch (IOException | OCSPException | RuntimeException e) {
            throw new OcspException("the OCSP response cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String signer(BasicOCSPResp basic, X509Certificate issuer, X509CertificateHolder issuerHolder,
            Instant now) throws OcspException {
        if (signedBy(basic, verifier(issuer))) {
            return issuer.getSubjectX500Principal().getName();
        }
        String problem = "the OCSP response is signed neither by " + issuer.getSubjectX500Principal().getName()
                + " nor by a responder it delegated to";
        for (X509CertificateHolder candidate : basic.getCerts()) {
            if (!candidate.getIssuer().equals(issuerHolder.getSubject()) || !issuedBy(candidate, issuer)) {
                continue;
            }
            ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(candidate.getExtensions());
            if (usage == null || !usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
                problem = "the OCSP response's signer " + candidate.getSubject() + " is not certified for OCSP signing";
                continue;
            }
            if (!candidate.isValidOn(Date.from(now))) {
                problem = "the OCSP response's signer " + candidate.getSubject() + " is outside its validity";
                continue;
            }
            if (signedBy(basic, verifier(candidate))) {
                return candidate.getSubject().toString();
            }
        }
        throw new OcspException(problem);
    }

    private static SingleResp answerFor(BasicOCSPResp basic, X509Certificate certificate,
            X509CertificateHolder issuerHolder) throws OcspException {
        DigestCalculatorProvider digests = digests();
        for (SingleResp single : basic.getResponses()) {
            CertificateID id = single.getCertID();
            try {
                if (id.getSerialNumber().equals(certificate.getSerialNumber()) && id.matchesIssuer(issuerHolder, digests)) {
                    return single;
                }
            } catch (OCSPException e) {
                // An id hashed with an algorithm we do not know is not ours.
            }
        }
        throw new OcspException("the OCSP response has no answer for serial " + certificate.getSerialNumber().toString(16)
                + " of " + certificate.getIssuerX500Principal().getName());
    }

    private static void checkNonce(BasicOCSPResp basic, byte[] nonce) throws OcspException {
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null && echoed != null && !Arrays.equals(nonce, echoed.getExtnValue().getOctets())) {
            throw new OcspException("the OCSP response's nonce is not the one we sent");
        }
    }

    private static boolean signedBy(BasicOCSPResp basic, ContentVerifierProvider verifier) {
        try {
            return verifier != null && basic.isSignatureValid(verifier);
        } catch (OCSPException | RuntimeException e) {
            return false;
        }
    }

    private static boolean issuedBy(X509CertificateHolder candidate, X509Certificate issuer) {
        try {
            return candidate.isSignatureValid(verifier(issuer));
        } catch (org.bouncycastle.cert.CertException | RuntimeException e) {
            return false;
        }
    }

    private static ContentVerifierProvider verifier(X509Certificate certificate) {
        try {
            return new JcaContentVerifierProviderBuilder().build(certificate.getPublicKey());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ContentVerifierProvider verifier(X509CertificateHolder certificate) {
        try {
            return new JcaContentVerifierProviderBuilder().build(certificate);
        } catch (OperatorCreationException | java.security.cert.CertificateException e) {
            return null;
        }
    }

    private static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new JcaX509CertificateHolder(certificate);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DigestCalculatorProvider digests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
