package dev.ferrite.tls.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;

/**
 * An OCSP responder made in the test with BouncyCastle, whose answers the test steers: the
 * status per serial, who signs (the issuer, a delegated responder, an impostor), the validity
 * window, nonce echo, tampering and error statuses.
 */
public final class TestOcspResponder {

    public enum Status { GOOD, REVOKED, UNKNOWN }

    private final TestPki.Issued issuer;
    private final Clock clock;
    private final Map<BigInteger, Status> statuses = new ConcurrentHashMap<>();

    private volatile TestPki.Issued signer;
    private volatile boolean includeSignerCertificate;
    private volatile Duration thisUpdateOffset = Duration.ofMinutes(-1);
    private volatile Duration validity = Duration.ofHours(1);
    private volatile boolean echoNonce = true;
    private volatile boolean tamper;
    private volatile int errorStatus = -1;
    private volatile byte[] fixedNonce;

    public TestOcspResponder(TestPki.Issued issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
        this.signer = issuer;
    }

    public TestOcspResponder status(BigInteger serial, Status status) {
        statuses.put(serial, status);
        return this;
    }

    /** Signs with {@code signer} and includes its certificate (a delegated responder, or an impostor). */
    public TestOcspResponder signedBy(TestPki.Issued value) {
        signer = value;
        includeSignerCertificate = value != issuer;
        return this;
    }

    /** @param thisUpdate relative to the clock; @param validity nextUpdate after thisUpdate, null for none */
    public TestOcspResponder window(Duration thisUpdate, Duration validityAfterThisUpdate) {
        thisUpdateOffset = thisUpdate;
        validity = validityAfterThisUpdate;
        return this;
    }

    public TestOcspResponder echoNonce(boolean value) {
        echoNonce = value;
        return this;
    }

    /** Sends back this nonce whatever the request carried. */
    public TestOcspResponder wrongNonce(byte[] extensionValue) {
        fixedNonce = extensionValue;
        return this;
    }

    /** Flips a bit in the signed data after signing. */
    public TestOcspResponder tamper(boolean value) {
        tamper = value;
        return this;
    }

    /** Answers with an OCSP error status (OCSPRespBuilder.TRY_LATER...) instead of a response. */
    public TestOcspResponder errorStatus(int status) {
        errorStatus = status;
        return this;
    }

    public TestHttpServer.Answer http() {
        return (exchange, body) -> {
            byte[] response = respond(body);
            exchange.getResponseHeaders().add("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, response.length);
            exchange.getResponseBody().write(response);
        };
    }

    public byte[] respond(byte[] requestDer) throws IOException {
        try {
            if (errorStatus >= 0) {
                return new OCSPRespBuilder().build(errorStatus, null).getEncoded();
            }
            OCSPReq request = new OCSPReq(requestDer);
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(signer.holder().getSubject()));
            Instant now = clock.instant();
            Instant thisUpdate = now.plus(thisUpdateOffset);
            for (Req single : request.getRequestList()) {
                CertificateID id = single.getCertID();
                builder.addResponse(id, status(id.getSerialNumber(), thisUpdate), Date.from(thisUpdate),
                        validity == null ? null : Date.from(thisUpdate.plus(validity)), null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (fixedNonce != null) {
                builder.setResponseExtensions(new Extensions(
                        new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, fixedNonce)));
            } else if (nonce != null && echoNonce) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            X509CertificateHolder[] chain = includeSignerCertificate
                    ? new X509CertificateHolder[] { signer.holder() }
                    : null;
            byte[] der = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                    builder.build(TestPki.signer(signer.keys()), chain, Date.from(now))).getEncoded();
            if (tamper) {
                return tampered(der);
            }
            return der;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private CertificateStatus status(BigInteger serial, Instant thisUpdate) {
        return switch (statuses.getOrDefault(serial, Status.GOOD)) {
            case GOOD -> CertificateStatus.GOOD;
            case REVOKED -> new RevokedStatus(Date.from(thisUpdate.minus(Duration.ofMinutes(5))), CRLReason.keyCompromise);
            case UNKNOWN -> new UnknownStatus();
        };
    }

    /** Changes the producedAt time's last digit: the response still parses, its signature no longer holds. */
    private static byte[] tampered(byte[] der) throws Exception {
        OCSPResp parsed = new OCSPResp(der);
        byte[] copy = der.clone();
        byte[] produced = ((org.bouncycastle.cert.ocsp.BasicOCSPResp) parsed.getResponseObject()).getTBSResponseData();
        int at = indexOf(copy, produced);
        // Within the tbsResponseData, flip a bit of the last byte of the first GeneralizedTime ("...Z").
        for (int i = at; i < at + produced.length; i++) {
            if (copy[i] == 0x18) {
                int length = copy[i + 1];
                copy[i + 1 + length - 1] ^= 0x01; // 'Z' becomes '[': the time no longer matches what was signed
                copy[i + 1 + length - 1] ^= 0x01;
                copy[i + length - 1] ^= 0x01; // a seconds digit: still a digit, another time
                return copy;
            }
        }
        throw new IllegalStateException("no time to tamper with");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }
}
