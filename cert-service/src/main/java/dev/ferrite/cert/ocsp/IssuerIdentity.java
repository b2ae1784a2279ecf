package dev.ferrite.cert.ocsp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Whether a request's CertID names a CA's issuing certificate: the hashes of its name and key,
 * computed once for each hash algorithm a CertID may use (SHA-1 as openssl sends by default, SHA-2).
 */
final class IssuerIdentity {

    private static final List<ASN1ObjectIdentifier> HASHES = List.of(OIWObjectIdentifiers.idSHA1,
            NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);

    private record Hashes(byte[] name, byte[] key) {
    }

    private final Map<ASN1ObjectIdentifier, Hashes> byAlgorithm;

    IssuerIdentity(X509Certificate issuer) {
        try {
            X509CertificateHolder holder = new X509CertificateHolder(issuer.getEncoded());
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            byAlgorithm = HASHES.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), algorithm -> {
                try {
                    CertificateID id = new CertificateID(digests.get(new AlgorithmIdentifier(algorithm)), holder, BigInteger.ONE);
                    return new Hashes(id.getIssuerNameHash(), id.getIssuerKeyHash());
                } catch (OCSPException | OperatorCreationException e) {
                    throw new IllegalStateException("Cannot hash the issuer " + issuer.getSubjectX500Principal()
                            + " with " + algorithm, e);
                }
            }));
        } catch (CertificateEncodingException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot read the issuer " + issuer.getSubjectX500Principal(), e);
        }
    }

    /** False also for a hash algorithm this responder does not compute: the answer is then "unknown". */
    boolean matches(CertificateID id) {
        Hashes expected = byAlgorithm.get(id.getHashAlgOID());
        return expected != null && Arrays.equals(expected.name(), id.getIssuerNameHash())
                && Arrays.equals(expected.key(), id.getIssuerKeyHash());
    }
}
