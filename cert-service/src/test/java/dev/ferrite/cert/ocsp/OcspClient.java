package dev.ferrite.cert.ocsp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** OCSP requests built with BouncyCastle, sent over real HTTP to the responder on its port. */
final class OcspClient {

    static final AlgorithmIdentifier SHA1 = CertificateID.HASH_SHA1;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int port;

    OcspClient(int port) {
        this.port = port;
    }

    static CertificateID certId(X509Certificate issuer, BigInteger serial) {
        return certId(issuer, serial, SHA1);
    }

    static CertificateID certId(X509Certificate issuer, BigInteger serial, AlgorithmIdentifier hash) {
        try {
            return new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(hash),
                    new JcaX509CertificateHolder(issuer), serial);
        } catch (Exception e) {
            throw new AssertionError("Cannot build a CertID", e);
        }
    }

    static OCSPReq request(CertificateID... ids) {
        return build(null, ids);
    }

    static OCSPReq requestWithNonce(CertificateID... ids) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        try {
            return build(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(new DEROctetString(nonce).getEncoded())), ids);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static OCSPReq build(Extension nonce, CertificateID... ids) {
        OCSPReqBuilder builder = new OCSPReqBuilder();
        for (CertificateID id : ids) {
            builder.addRequest(id);
        }
        if (nonce != null) {
            builder.setRequestExtensions(new Extensions(nonce));
        }
        try {
            return builder.build();
        } catch (Exception e) {
            throw new AssertionError("Cannot build an OCSP request", e);
        }
    }

    static byte[] der(OCSPReq request) {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** POSTs the request and reads the 200 answer as an OCSP response. */
    OCSPResp post(String ca, OCSPReq request) {
        return parse(expectOk(post(ca, der(request), OcspController.OCSP_REQUEST)));
    }

    HttpResponse<byte[]> post(String ca, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(OcspTestServer.ocspUrl(port, ca)))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** GETs {@code /ocsp/{ca}/{pathTail}}, the tail sent exactly as given. */
    HttpResponse<byte[]> get(String ca, String pathTail) {
        return send(HttpRequest.newBuilder(URI.create(OcspTestServer.ocspUrl(port, ca) + "/" + pathTail)).GET());
    }

    static HttpResponse<byte[]> expectOk(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + new String(response.body()));
        }
        return response;
    }

    static OCSPResp parse(HttpResponse<byte[]> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").equals("application/ocsp-response")) {
            throw new AssertionError("Content-Type " + response.headers().firstValue("Content-Type") + " with HTTP "
                    + response.statusCode() + ": " + new String(response.body()));
        }
        try {
            return new OCSPResp(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not an OCSP response: " + new String(response.body()), e);
        }
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
