package dev.ferrite.tls.ocsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * An OCSP request for one certificate (RFC 6960 4.1), its certificate id made with SHA-1 as
 * responders expect.
 *
 * @param nonce the nonce extension's value, or null when none is sent
 */
public record OcspRequest(CertificateID id, byte[] nonce, byte[] der) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static OcspRequest of(X509Certificate certificate, X509Certificate issuer, boolean withNonce) {
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(
                    CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
            OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(id);
            byte[] nonce = null;
            if (withNonce) {
                byte[] random = new byte[16];
                RANDOM.nextBytes(random);
                nonce = new DEROctetString(random).getEncoded();
                builder.setRequestExtensions(new Extensions(
                        new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, nonce)));
            }
            return new OcspRequest(id, nonce, builder.build().getEncoded());
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot build an OCSP request for serial "
                    + certificate.getSerialNumber().toString(16), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
