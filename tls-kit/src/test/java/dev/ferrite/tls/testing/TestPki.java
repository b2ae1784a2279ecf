package dev.ferrite.tls.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A PKI made in the test with BouncyCastle: a root, an intermediate under it, and leaves,
 * delegated OCSP signers and CRLs of any content and validity.
 */
public final class TestPki {

    public enum KeyType { EC, RSA }

    /** A certificate and its key pair. */
    public record Issued(X509Certificate certificate, KeyPair keys) {

        public BigInteger serial() {
            return certificate.getSerialNumber();
        }

        public X509CertificateHolder holder() {
            try {
                return new X509CertificateHolder(certificate.getEncoded());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What a leaf certificate carries beyond its name. */
    public record LeafOptions(KeyType keyType, Instant notBefore, Instant notAfter, List<String> dnsNames,
            String crlUrl, String ocspUrl) {

        public LeafOptions withKeyType(KeyType type) {
            return new LeafOptions(type, notBefore, notAfter, dnsNames, crlUrl, ocspUrl);
        }

        public LeafOptions validity(Instant from, Instant to) {
            return new LeafOptions(keyType, from, to, dnsNames, crlUrl, ocspUrl);
        }

        public LeafOptions dnsNames(String... names) {
            return new LeafOptions(keyType, notBefore, notAfter, List.of(names), crlUrl, ocspUrl);
        }

        public LeafOptions crlUrl(String url) {
            return new LeafOptions(keyType, notBefore, notAfter, dnsNames, url, ocspUrl);
        }

        public LeafOptions ocspUrl(String url) {
            return new LeafOptions(keyType, notBefore, notAfter, dnsNames, crlUrl, url);
        }
    }

    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime() & 0xffffffffL);

    private final Instant now;
    private final Issued root;
    private final Issued intermediate;

    public TestPki(Instant now) {
        this(now, "Test");
    }

    /** @param prefix names the CAs, so that two PKIs in one test have different issuers */
    public TestPki(Instant now, String prefix) {
        this.now = now;
        root = ca(null, prefix + " Root");
        intermediate = ca(root, prefix + " Intermediate");
    }

    public Issued root() {
        return root;
    }

    public Issued intermediate() {
        return intermediate;
    }

    public LeafOptions leafOptions() {
        return new LeafOptions(KeyType.EC, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), List.of(),
                null, null);
    }

    /** A leaf from the intermediate. */
    public Issued leaf(String commonName, LeafOptions options) {
        KeyPair keys = generate(options.keyType());
        return new Issued(sign(intermediate, new X500Name("CN=" + commonName), keys, options.notBefore(),
                options.notAfter(), builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                    if (!options.dnsNames().isEmpty()) {
                        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                                options.dnsNames().stream().map(name -> new GeneralName(GeneralName.dNSName, name))
                                        .toArray(GeneralName[]::new)));
                    }
                    if (options.crlUrl() != null) {
                        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(
                                new DistributionPoint[] { new DistributionPoint(new DistributionPointName(
                                        new GeneralNames(uri(options.crlUrl()))), null, null) }));
                    }
                    if (options.ocspUrl() != null) {
                        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                                AccessDescription.id_ad_ocsp, uri(options.ocspUrl())));
                    }
                }), keys);
    }

    public Issued leaf(String commonName) {
        return leaf(commonName, leafOptions());
    }

    /** A delegated OCSP signer: id-kp-OCSPSigning, issued by {@code issuer}. */
    public Issued ocspSigner(Issued issuer, Instant notBefore, Instant notAfter) {
        KeyPair keys = generate(KeyType.EC);
        return new Issued(sign(issuer, new X500Name("CN=OCSP signer of " + issuer.certificate().getSubjectX500Principal()
                .getName().replace(',', ' ')), keys, notBefore, notAfter, builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
                }), keys);
    }

    public Issued ocspSigner(Issued issuer) {
        return ocspSigner(issuer, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
    }

    /** A leaf with digitalSignature only and no OCSPSigning purpose: not allowed to sign OCSP responses. */
    public Issued plainSigner(Issued issuer) {
        KeyPair keys = generate(KeyType.EC);
        return new Issued(sign(issuer, new X500Name("CN=Not an OCSP signer"), keys, now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(30)), builder -> builder.addExtension(Extension.basicConstraints, true,
                        new BasicConstraints(false))), keys);
    }

    /** A CRL signed by {@code signer} in the name of {@code issuer} (normally the same). */
    public X509CRL crl(Issued issuer, Issued signer, Instant thisUpdate, Instant nextUpdate, long number,
            BigInteger... revoked) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                    Date.from(thisUpdate));
            if (nextUpdate != null) {
                builder.setNextUpdate(Date.from(nextUpdate));
            }
            for (BigInteger serial : revoked) {
                builder.addCRLEntry(serial, Date.from(thisUpdate.minus(Duration.ofMinutes(1))), CRLReason.keyCompromise);
            }
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(signer.certificate()));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(signer.keys())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CRL of the intermediate, valid from a minute ago for a day. */
    public X509CRL crl(long number, BigInteger... revoked) {
        return crl(intermediate, intermediate, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1)), number,
                revoked);
    }

    public static KeyPair generate(KeyType type) {
        try {
            if (type == KeyType.RSA) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ContentSigner signer(KeyPair keys) {
        try {
            String algorithm = keys.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaContentSignerBuilder(algorithm).build(keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws Exception;
    }

    private Issued ca(Issued issuer, String name) {
        KeyPair keys = generate(KeyType.EC);
        X500Name subject = new X500Name("CN=" + name);
        X509Certificate certificate = issuer == null
                ? selfSigned(subject, keys)
                : sign(issuer, subject, keys, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
                });
        return new Issued(certificate, keys);
    }

    private X509Certificate selfSigned(X500Name subject, KeyPair keys) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, nextSerial(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject,
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(keys)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(Issued issuer, X500Name subject, KeyPair keys, Instant notBefore,
            Instant notAfter, Extensions extensions) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.certificate(), nextSerial(),
                    Date.from(notBefore), Date.from(notAfter), subject,
                    keys.getPublic());
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuer.certificate()));
            extensions.add(builder);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuer.keys())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }

    private static BigInteger nextSerial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet()).shiftLeft(16).add(BigInteger.valueOf(0x1234));
    }
}
