package dev.ferrite.tls.crl;

import java.io.ByteArrayInputStream;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;

/** Bytes to a CRL; DER and PEM alike. */
final class CrlParsing {

    private CrlParsing() {
    }

    static X509CRL parse(byte[] bytes, String source) throws CrlFetchException {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes));
        } catch (CRLException | CertificateException | RuntimeException e) {
            throw new CrlFetchException(source + " did not give a CRL (" + e.getMessage() + ")", e);
        }
    }
}
