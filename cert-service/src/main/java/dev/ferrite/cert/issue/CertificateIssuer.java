package dev.ferrite.cert.issue;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.ferrite.cert.CertProperties;
import dev.ferrite.cert.ca.CaFactory;
import dev.ferrite.cert.ca.CaRegistry;
import dev.ferrite.cert.ca.CertificateAuthority;
import dev.ferrite.cert.ca.CertificateSigner;
import dev.ferrite.cert.ca.KeyType;
import dev.ferrite.cert.pem.Pem;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Issues certificates from a CA by profile. Every certificate but an OCSP signer's names where
 * its revocation status is published: a CRL Distribution Point and an OCSP URL.
 */
@Service
public class CertificateIssuer {

    static final int MAX_COMMON_NAME_LENGTH = 64;
    static final int MAX_VALIDITY_DAYS = 3650;
    private static final Logger log = LoggerFactory.getLogger(CertificateIssuer.class);

    /** What was issued; {@code privateKeyPem} only when the service generated the key. */
    public record Issued(IssuedCertificate certificate, X509Certificate x509, String chainPem, String privateKeyPem) {
    }

    private final CaRegistry cas;
    private final IssuedCertificateRepository repository;
    private final CertProperties properties;
    private final Clock clock;

    public CertificateIssuer(CaRegistry cas, IssuedCertificateRepository repository, CertProperties properties, Clock clock) {
        this.cas = cas;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    public Issued issue(IssueRequest request) {
        CertificateAuthority ca = cas.get(request.ca() == null ? CaRegistry.DEFAULT_CA : request.ca());
        Profile profile = request.profile() == null ? Profile.DEVICE : Profile.fromWireName(request.profile())
                .orElseThrow(() -> new InvalidIssueRequestException(
                        "profile must be one of " + Profile.wireNames() + ", was '" + request.profile() + "'"));

        PublicKey publicKey;
        String commonName = request.commonName();
        KeyPair generated = null;
        if (request.csrPem() != null && !request.csrPem().isBlank()) {
            CertificateRequestCheck.Checked csr = CertificateRequestCheck.check(Pem.csr(request.csrPem(), "csrPem"));
            publicKey = csr.publicKey();
            if (commonName == null) {
                commonName = csr.commonName();
            } else if (csr.commonName() != null && !csr.commonName().equals(commonName)) {
                throw new InvalidIssueRequestException("commonName '" + commonName + "' differs from the CSR's CN '"
                        + csr.commonName() + "'; leave commonName out to use the CSR's");
            }
        } else {
            KeyType keyType = request.keyType() == null ? KeyType.EC_P256 : KeyType.fromWireName(request.keyType())
                    .orElseThrow(() -> new InvalidIssueRequestException("keyType must be one of ec-p256, ec-p384,"
                            + " rsa-2048, rsa-3072, rsa-4096, was '" + request.keyType() + "'"));
            generated = keyType.generate();
            publicKey = generated.getPublic();
        }
        requireValidCommonName(commonName, profile);
        List<String> sans = request.sans() == null ? List.of() : request.sans();
        if (profile.sansRequired() && sans.isEmpty()) {
            throw new InvalidIssueRequestException("sans: the " + profile.wireName() + " profile needs at least one DNS name or IP address");
        }
        GeneralNames alternativeNames = SubjectAlternativeNames.parse(sans, profile == Profile.SERVER);

        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        int validityDays = request.validityDays() == null ? profile.defaultValidityDays() : request.validityDays();
        if (validityDays < 1 || validityDays > MAX_VALIDITY_DAYS) {
            throw new InvalidIssueRequestException("validityDays must be between 1 and " + MAX_VALIDITY_DAYS + ", was " + validityDays);
        }
        Instant notAfter = now.plus(Duration.ofDays(validityDays));
        Instant caNotAfter = ca.issuer().getNotAfter().toInstant();
        if (notAfter.isAfter(caNotAfter)) {
            throw new InvalidIssueRequestException("validityDays " + validityDays + " would outlive CA '" + ca.name()
                    + "', which expires on " + caNotAfter);
        }
        return signAndRecord(ca, profile, commonName, publicKey, alternativeNames, now, notAfter,
                generated == null ? null : Pem.encodePrivateKey(generated.getPrivate()));
    }

    /**
     * A delegated OCSP signer for this service's own responder, recorded like every issued
     * certificate so that operators see (and may revoke) it. It ends with the CA if that comes first.
     */
    public Issued issueOcspSigner(CertificateAuthority ca, PublicKey publicKey, Duration validity) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant caNotAfter = ca.issuer().getNotAfter().toInstant();
        Instant notAfter = now.plus(validity).isAfter(caNotAfter) ? caNotAfter : now.plus(validity);
        return signAndRecord(ca, Profile.OCSP_SIGNING, "Ferrite " + ca.name() + " OCSP signer", publicKey,
                new GeneralNames(new GeneralName[0]), now, notAfter, null);
    }

    private Issued signAndRecord(CertificateAuthority ca, Profile profile, String commonName, PublicKey publicKey,
            GeneralNames alternativeNames, Instant now, Instant notAfter, String privateKeyPem) {
        boolean rsa = publicKey instanceof RSAKey;
        X509Certificate x509 = CertificateSigner.sign(ca.issuer(), ca.issuerKey(), ca.keyType(), subject(commonName),
                publicKey, now.minus(CaFactory.BACKDATE), notAfter, (builder, utils) -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(rsa && profile != Profile.OCSP_SIGNING
                            ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                            : KeyUsage.digitalSignature));
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(profile.extendedKeyUsage()));
                    if (alternativeNames.getNames().length > 0) {
                        builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
                    }
                    if (profile == Profile.OCSP_SIGNING) {
                        // RFC 6960 4.2.2.2.1: relying parties need not check the signer's own status.
                        builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
                    } else {
                        addRevocationPointers(builder, ca.name());
                    }
                });
        IssuedCertificate record = new IssuedCertificate(CertificateSigner.serialHex(x509), ca.name(), commonName, profile,
                Pem.encode(x509), x509.getNotBefore().toInstant(), x509.getNotAfter().toInstant(), null, null, now);
        repository.insert(record);
        log.info("Issued {} certificate {} for CN={} from CA '{}', valid until {}", profile.wireName(), record.serial(),
                commonName, ca.name(), record.notAfter());
        return new Issued(record, x509, Pem.encode(ca.chain().toArray()), privateKeyPem);
    }

    private void addRevocationPointers(org.bouncycastle.cert.X509v3CertificateBuilder builder, String ca)
            throws org.bouncycastle.cert.CertIOException {
        GeneralName crl = new GeneralName(GeneralName.uniformResourceIdentifier, properties.crlUrl(ca));
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(crl)), null, null)}));
        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription(
                AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, properties.ocspUrl(ca)))));
    }

    private static void requireValidCommonName(String commonName, Profile profile) {
        if (commonName == null || commonName.isBlank()) {
            throw new InvalidIssueRequestException("commonName is required (or a CSR whose subject has a CN)");
        }
        if (commonName.length() > MAX_COMMON_NAME_LENGTH || commonName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidIssueRequestException("commonName must be at most " + MAX_COMMON_NAME_LENGTH
                    + " characters without control characters");
        }
        if (profile != Profile.SERVER && commonName.contains("*")) {
            throw new InvalidIssueRequestException("commonName: wildcards are allowed only in the server profile");
        }
    }

    private static X500Name subject(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }
}
