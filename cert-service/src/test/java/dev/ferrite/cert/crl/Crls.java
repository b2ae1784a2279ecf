package dev.ferrite.cert.crl;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** Reads CRLs and certificates with the JDK's own parser. */
final class Crls {

    private Crls() {
    }

    static X509CRL parse(byte[] der) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (CertificateException | CRLException e) {
            throw new AssertionError("Not a CRL", e);
        }
    }

    static long number(X509CRL crl) {
        try {
            byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
            if (value == null) {
                throw new AssertionError("The CRL has no CRL Number");
            }
            return ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value)).longValueExact();
        } catch (java.io.IOException e) {
            throw new AssertionError("Unreadable CRL Number", e);
        }
    }

    static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new AssertionError("Not a certificate", e);
        }
    }

    static BigInteger serial(String hex) {
        return new BigInteger(hex, 16);
    }
}
