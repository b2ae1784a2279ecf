package dev.ferrite.cert;

import java.net.URI;
import java.time.Duration;

import dev.ferrite.cert.ca.KeyType;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ferrite.cert.*}.
 *
 * @param publicUrl the address relying parties reach this service at; CRL Distribution Points
 *                  and OCSP URLs of issued certificates are built from it
 * @param keyEncryptionKey base64 of 32 bytes that encrypt the CAs' private keys at rest; when
 *                         empty, a key is generated once into the data directory
 * @param defaultCa the CA created on first start when there is none
 */
@ConfigurationProperties("ferrite.cert")
public record CertProperties(
        @DefaultValue("http://127.0.0.1:18087") URI publicUrl,
        @DefaultValue("") String keyEncryptionKey,
        @DefaultValue DefaultCa defaultCa) {

    /**
     * @param enabled whether to create the {@code default} CA when no CA exists
     * @param keyType key of its root and intermediate
     * @param rootValidity lifetime of the root
     * @param intermediateValidity lifetime of the issuing intermediate
     */
    public record DefaultCa(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("ec-p256") KeyType keyType,
            @DefaultValue("3650d") Duration rootValidity,
            @DefaultValue("1825d") Duration intermediateValidity) {

        public DefaultCa {
            if (rootValidity.compareTo(intermediateValidity) < 0) {
                throw new IllegalArgumentException("ferrite.cert.default-ca.root-validity (" + rootValidity.toDays()
                        + " days) must not be shorter than intermediate-validity (" + intermediateValidity.toDays() + " days)");
            }
            if (intermediateValidity.toDays() < 1) {
                throw new IllegalArgumentException("ferrite.cert.default-ca.intermediate-validity must be at least 1 day");
            }
        }
    }

    public CertProperties {
        String scheme = publicUrl.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || publicUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    "ferrite.cert.public-url must be an absolute http(s) URL, was '" + publicUrl + "'");
        }
    }

    /** {@code publicUrl} with {@code path} appended, without a doubled slash. */
    public String publicUrl(String path) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** Where relying parties fetch the CA's CRL. */
    public String crlUrl(String ca) {
        return publicUrl("/crl/" + ca + ".crl");
    }

    /** Where relying parties ask the CA's OCSP responder. */
    public String ocspUrl(String ca) {
        return publicUrl("/ocsp/" + ca);
    }
}
