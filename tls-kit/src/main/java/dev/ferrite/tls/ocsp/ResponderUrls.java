package dev.ferrite.tls.ocsp;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.X509Certificate;
import java.util.Optional;

import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** The OCSP responder a certificate names in its Authority Information Access extension. */
public final class ResponderUrls {

    private ResponderUrls() {
    }

    public static Optional<URI> of(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (extension == null) {
            return Optional.empty();
        }
        try {
            AuthorityInformationAccess access = AuthorityInformationAccess.getInstance(
                    JcaX509ExtensionUtils.parseExtensionValue(extension));
            for (AccessDescription description : access.getAccessDescriptions()) {
                GeneralName location = description.getAccessLocation();
                if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
                        && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
                    URI url = new URI(location.getName().toString());
                    if ("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme())) {
                        return Optional.of(url);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException | URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
