package dev.ferrite.cert.ocsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponseStatus;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;

/** Encodes OCSP responses: signed answers, and the unsigned error statuses. */
final class OcspResponses {

    private static final byte[] MALFORMED_REQUEST = error(OCSPResponseStatus.MALFORMED_REQUEST);
    private static final byte[] UNAUTHORIZED = error(OCSPResponseStatus.UNAUTHORIZED);
    private static final byte[] INTERNAL_ERROR = error(OCSPResponseStatus.INTERNAL_ERROR);

    private OcspResponses() {
    }

    static byte[] malformedRequest() {
        return MALFORMED_REQUEST.clone();
    }

    static byte[] unauthorized() {
        return UNAUTHORIZED.clone();
    }

    static byte[] internalError() {
        return INTERNAL_ERROR.clone();
    }

    /**
     * A successful response signed by the delegated signer, which it carries for relying parties
     * to check against the CA.
     *
     * @param nonce echoed when not null
     */
    static byte[] sign(OcspSigner signer, List<CertificateAnswer> answers, Extension nonce, Instant now,
            Duration validity) {
        // Whole seconds: GeneralizedTime with fractions is legal but some relying parties balk at it.
        Date thisUpdate = Date.from(now.truncatedTo(ChronoUnit.SECONDS));
        Date nextUpdate = Date.from(now.truncatedTo(ChronoUnit.SECONDS).plus(validity));
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(signer.responderId());
        for (CertificateAnswer answer : answers) {
            builder.addResponse(answer.id(), answer.certificateStatus(), thisUpdate, nextUpdate);
        }
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(nonce));
        }
        try {
            BasicOCSPResp basic = builder.build(signer.contentSigner(),
                    new X509CertificateHolder[] {signer.certificateHolder()}, thisUpdate);
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException e) {
            throw new IllegalStateException("Cannot sign an OCSP response with " + signer, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] error(int status) {
        try {
            return new OCSPResp(new OCSPResponse(new OCSPResponseStatus(status), null)).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
