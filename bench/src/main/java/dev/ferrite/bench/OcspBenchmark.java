package dev.ferrite.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

import dev.ferrite.cert.ca.CaRegistry;
import dev.ferrite.cert.issue.CertificateIssuer;
import dev.ferrite.cert.issue.IssueRequest;
import dev.ferrite.cert.ocsp.OcspResponder;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * OCSP answers per second from cert-service's responder, in process: for requests without a
 * nonce (served from the short response cache, as relying parties that poll see it) and with
 * a nonce (looked up and signed for every request).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OcspBenchmark {

    private CertServiceBench service;
    private OcspResponder responder;
    private byte[] withoutNonce;
    private byte[] withNonce;

    @Setup(Level.Trial)
    public void start() throws Exception {
        service = new CertServiceBench();
        responder = service.bean(OcspResponder.class);
        X509Certificate issuer = service.bean(CaRegistry.class).get(CaRegistry.DEFAULT_CA).issuer();
        CertificateIssuer.Issued device = service.bean(CertificateIssuer.class)
                .issue(new IssueRequest("default", "bench-device", null, "device", 30, null, null));
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), device.x509().getSerialNumber());
        withoutNonce = new OCSPReqBuilder().addRequest(id).build().getEncoded();
        withNonce = requestWithNonce(id);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        service.close();
    }

    @Benchmark
    public byte[] cachedAnswer() {
        return responder.respond("default", withoutNonce);
    }

    @Benchmark
    public byte[] signedAnswerWithNonce() {
        return responder.respond("default", withNonce);
    }

    private static byte[] requestWithNonce(CertificateID id) throws OCSPException, IOException {
        Extension nonce = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new DEROctetString(new BigInteger(64, new java.security.SecureRandom()).toByteArray()));
        return new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(nonce)).build().getEncoded();
    }
}
