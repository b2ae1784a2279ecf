package dev.ferrite.tls.crl;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** The HTTP and HTTPS URLs of a certificate's CRL Distribution Points extension (LDAP ones are skipped). */
final class DistributionPoints {

    private DistributionPoints() {
    }

    static List<URI> httpUrls(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (extension == null) {
            return List.of();
        }
        List<URI> urls = new ArrayList<>();
        try {
            ASN1Primitive value = JcaX509ExtensionUtils.parseExtensionValue(extension);
            for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        URI url = new URI(general.getName().toString());
                        if ("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme())) {
                            urls.add(url);
                        }
                    }
                }
            }
        } catch (IOException | IllegalArgumentException | URISyntaxException e) {
            // A malformed extension names no usable distribution point.
            return List.of();
        }
        return urls;
    }
}
