package dev.ferrite.cert.crl;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import dev.ferrite.cert.ca.CertificateAuthority;
import dev.ferrite.cert.issue.IssuedCertificate;
import dev.ferrite.cert.issue.RevocationReason;
import dev.ferrite.cert.pem.Pem;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Encodes and signs an X.509 v2 CRL (RFC 5280 section 5) with a CA's issuing key. */
final class CrlSigner {

    private CrlSigner() {
    }

    /**
     * @param revoked the certificates to list; each must be revoked
     * @param distributionPoint the URI the CA's certificates name as their CRL Distribution Point
     */
    static SignedCrl sign(CertificateAuthority ca, long number, Instant thisUpdate, Instant nextUpdate,
            List<IssuedCertificate> revoked, String distributionPoint) {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.issuer(), Date.from(thisUpdate));
            builder.setNextUpdate(Date.from(nextUpdate));
            for (IssuedCertificate certificate : revoked) {
                builder.addCRLEntry(new BigInteger(certificate.serial(), 16), Date.from(certificate.revokedAt()),
                        entryExtensions(certificate.revocationReason()));
            }
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier(ca.issuer()));
            builder.addExtension(Extension.issuingDistributionPoint, true, new IssuingDistributionPoint(
                    new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, distributionPoint))),
                    true, false, null, false, false));
            X509CRLHolder crl = builder.build(
                    new JcaContentSignerBuilder(ca.keyType().signatureAlgorithm()).build(ca.issuerKey()));
            return new SignedCrl(ca.name(), number, thisUpdate, nextUpdate, crl.getEncoded(), Pem.encode(crl), false);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot sign CRL number " + number + " of CA '" + ca.name() + "'", e);
        }
    }

    /** RFC 5280 5.3.1: the reason code is left out rather than written as unspecified. */
    private static Extensions entryExtensions(RevocationReason reason) throws IOException {
        if (reason == null || reason == RevocationReason.UNSPECIFIED) {
            return null;
        }
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        extensions.addExtension(Extension.reasonCode, false, CRLReason.lookup(reason.code()));
        return extensions.generate();
    }

    /** The issuer's own Subject Key Identifier, however an imported CA computed it. */
    private static AuthorityKeyIdentifier authorityKeyIdentifier(X509Certificate issuer)
            throws IOException, GeneralSecurityException {
        byte[] subjectKeyIdentifier = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (subjectKeyIdentifier == null) {
            return new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.getPublicKey());
        }
        return new AuthorityKeyIdentifier(SubjectKeyIdentifier.getInstance(
                JcaX509ExtensionUtils.parseExtensionValue(subjectKeyIdentifier)).getKeyIdentifier());
    }
}
