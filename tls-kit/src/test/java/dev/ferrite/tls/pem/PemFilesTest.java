package dev.ferrite.tls.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.ferrite.tls.testing.OpenSsl;
import dev.ferrite.tls.testing.PemWriting;
import dev.ferrite.tls.testing.TestPki;
import dev.ferrite.tls.testing.TestPki.Issued;
import dev.ferrite.tls.testing.TestPki.KeyType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {

    private static final Instant NOW = Instant.now();
    private static TestPki pki;
    private static Issued ecLeaf;
    private static Issued rsaLeaf;

    @TempDir
    Path dir;

    @BeforeAll
    static void makePki() {
        pki = new TestPki(NOW);
        ecLeaf = pki.leaf("ec.example.com");
        rsaLeaf = pki.leaf("rsa.example.com", pki.leafOptions().withKeyType(KeyType.RSA));
    }

    @Test
    void aChainFileGivesItsCertificatesLeafFirst() throws Exception {
        Path chain = write("chain.pem", PemWriting.certificates(ecLeaf.certificate(), pki.intermediate().certificate()));

        assertThat(PemCertificates.chain(chain)).containsExactly(ecLeaf.certificate(), pki.intermediate().certificate());
    }

    @Test
    void aCaBundleWithSeveralCasLoadsWithoutWarnings() throws Exception {
        Path bundle = write("ca.pem", PemWriting.certificates(pki.root().certificate(), pki.intermediate().certificate()));

        Loaded<List<X509Certificate>> loaded = CaBundles.load(bundle, NOW);

        assertThat(loaded.value()).hasSize(2);
        assertThat(loaded.hasWarnings()).isFalse();
    }

    @Test
    void anEmptyFileIsNamedAsEmpty() throws Exception {
        Path empty = write("empty.pem", "\n");

        assertThatThrownBy(() -> CaBundles.load(empty, NOW))
                .isInstanceOf(PemFileException.class)
                .hasMessage(empty + " is empty; a CA certificate file in PEM was expected.");
    }

    @Test
    void aDerFileIsNamedAsNotPem() throws Exception {
        Path der = dir.resolve("cert.der");
        Files.write(der, ecLeaf.certificate().getEncoded());

        assertThatThrownBy(() -> PemCertificates.chain(der))
                .isInstanceOf(PemFileException.class)
                .hasMessageStartingWith(der + " is not PEM")
                .satisfies(e -> assertThat(((PemFileException) e).file()).isEqualTo(der));
    }

    @Test
    void aMissingFileIsNamedAsMissing() {
        Path missing = dir.resolve("missing.pem");

        assertThatThrownBy(() -> PemCertificates.chain(missing))
                .hasMessage(missing + " does not exist; a certificate file was expected there.");
    }

    @Test
    void aKeyGivenAsCertificateFileSaysItHoldsNoCertificate() throws Exception {
        Path key = write("key.pem", PemWriting.pkcs8(ecLeaf.keys().getPrivate()));

        assertThatThrownBy(() -> PemCertificates.chain(key))
                .hasMessage(key + " holds no certificate, only private key.");
    }

    @Test
    void aBrokenBlockIsNotValidPem() throws Exception {
        Path broken = write("broken.pem", "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> PemCertificates.chain(broken))
                .isInstanceOf(PemFileException.class)
                .hasMessageStartingWith(broken.toString());
    }

    @Test
    void privateKeysInEveryFormLoadAndMatchTheirCertificate() throws Exception {
        char[] password = "s3cret".toCharArray();
        Path ecCert = write("ec.pem", PemWriting.certificates(ecLeaf.certificate()));
        Path rsaCert = write("rsa.pem", PemWriting.certificates(rsaLeaf.certificate()));
        PrivateKey ec = ecLeaf.keys().getPrivate();
        PrivateKey rsa = rsaLeaf.keys().getPrivate();

        assertMatches(ecCert, write("ec-pkcs8.key", PemWriting.pkcs8(ec)), null, ecLeaf);
        assertMatches(ecCert, write("ec-sec1.key", PemWriting.traditional(ec)), null, ecLeaf);
        assertMatches(rsaCert, write("rsa-pkcs1.key", PemWriting.traditional(rsa)), null, rsaLeaf);
        assertMatches(rsaCert, write("rsa-pkcs8.key", PemWriting.pkcs8(rsa)), null, rsaLeaf);
        assertMatches(ecCert, write("ec-enc.key", PemWriting.encryptedPkcs8(ec, password)), password, ecLeaf);
    }

    @Test
    void keysWrittenByOpensslLoad() throws Exception {
        run("ecparam", "-genkey", "-name", "prime256v1", "-out", "sec1.key");
        run("req", "-x509", "-key", "sec1.key", "-subj", "/CN=openssl-ec", "-days", "2", "-out", "ec.pem");
        run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa8.key");
        run("rsa", "-in", "rsa8.key", "-traditional", "-out", "rsa1.key");
        run("rsa", "-in", "rsa8.key", "-traditional", "-aes256", "-passout", "pass:legacy", "-out", "rsa1-enc.key");
        run("pkcs8", "-topk8", "-in", "rsa8.key", "-v2", "aes-256-cbc", "-passout", "pass:modern", "-out", "rsa8-enc.key");
        run("req", "-x509", "-key", "rsa8.key", "-subj", "/CN=openssl-rsa", "-days", "2", "-out", "rsa.pem");
        assertThat(Files.readString(dir.resolve("sec1.key"))).contains("BEGIN EC PARAMETERS", "BEGIN EC PRIVATE KEY");
        assertThat(Files.readString(dir.resolve("rsa1-enc.key"))).contains("Proc-Type: 4,ENCRYPTED");

        assertThat(load("ec.pem", "sec1.key", null).hasWarnings()).isFalse();
        assertThat(load("rsa.pem", "rsa1.key", null).value().leaf().getSubjectX500Principal().getName())
                .isEqualTo("CN=openssl-rsa");
        load("rsa.pem", "rsa1-enc.key", "legacy".toCharArray());
        load("rsa.pem", "rsa8-enc.key", "modern".toCharArray());
    }

    @Test
    void anEncryptedKeyWithoutOrWithAWrongPasswordIsRefusedInWords() throws Exception {
        Path cert = write("ec.pem", PemWriting.certificates(ecLeaf.certificate()));
        Path key = write("ec-enc.key", PemWriting.encryptedPkcs8(ecLeaf.keys().getPrivate(), "right".toCharArray()));

        assertThatThrownBy(() -> CertifiedKeys.load(cert, key, null, NOW))
                .hasMessage(key + " holds an encrypted private key and no password was given for it.");
        assertThatThrownBy(() -> CertifiedKeys.load(cert, key, "wrong".toCharArray(), NOW))
                .hasMessage(key + " holds an encrypted private key that the given password does not decrypt.");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() throws Exception {
        Path cert = write("ec.pem", PemWriting.certificates(ecLeaf.certificate()));
        Issued other = pki.leaf("other.example.com");
        Path otherKey = write("other.key", PemWriting.pkcs8(other.keys().getPrivate()));
        Path rsaKey = write("rsa.key", PemWriting.pkcs8(rsaLeaf.keys().getPrivate()));

        assertThatThrownBy(() -> CertifiedKeys.load(cert, otherKey, null, NOW))
                .isInstanceOf(PemFileException.class)
                .hasMessage(otherKey + " holds a private key that does not match the certificate in " + cert + ".");
        assertThatThrownBy(() -> CertifiedKeys.load(cert, rsaKey, null, NOW))
                .hasMessage(rsaKey + " holds a private key that does not match the certificate in " + cert + ".");
    }

    @Test
    void aKeyFileWithTwoKeysIsRefused() throws Exception {
        Path cert = write("ec.pem", PemWriting.certificates(ecLeaf.certificate()));
        Path keys = write("two.key", PemWriting.pkcs8(ecLeaf.keys().getPrivate())
                + PemWriting.pkcs8(rsaLeaf.keys().getPrivate()));

        assertThatThrownBy(() -> CertifiedKeys.load(cert, keys, null, NOW))
                .hasMessage(keys + " holds 2 PEM blocks; a private key file must hold exactly one key.");
    }

    @Test
    void expiredAndNotYetValidCertificatesLoadWithAWarning() throws Exception {
        Issued expired = pki.leaf("expired", pki.leafOptions().validity(NOW.minus(Duration.ofDays(10)),
                NOW.minus(Duration.ofDays(1))));
        Issued future = pki.leaf("future", pki.leafOptions().validity(NOW.plus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(10))));
        Path expiredCert = write("expired.pem", PemWriting.certificates(expired.certificate()));
        Path futureCert = write("future.pem", PemWriting.certificates(future.certificate()));

        Loaded<CertifiedKey> loadedExpired = CertifiedKeys.load(expiredCert,
                write("expired.key", PemWriting.pkcs8(expired.keys().getPrivate())), null, NOW);
        Loaded<CertifiedKey> loadedFuture = CertifiedKeys.load(futureCert,
                write("future.key", PemWriting.pkcs8(future.keys().getPrivate())), null, NOW);

        assertThat(loadedExpired.value().leaf()).isEqualTo(expired.certificate());
        assertThat(loadedExpired.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.kind()).isEqualTo(ValidityWarning.Kind.EXPIRED);
            assertThat(warning.message()).startsWith(expiredCert + " holds certificate CN=expired (serial ")
                    .contains("that expired at " + expired.certificate().getNotAfter().toInstant());
        });
        assertThat(loadedFuture.warnings()).singleElement()
                .extracting(ValidityWarning::kind).isEqualTo(ValidityWarning.Kind.NOT_YET_VALID);
    }

    @Test
    void serverNamesComeFromTheSubjectAltNameOrElseTheCommonName() {
        Issued withSans = pki.leaf("ignored", pki.leafOptions().dnsNames("A.example.com", "*.b.example.com"));

        assertThat(new CertifiedKey(List.of(withSans.certificate()), withSans.keys().getPrivate()).serverNames())
                .containsExactly("a.example.com", "*.b.example.com");
        assertThat(new CertifiedKey(List.of(ecLeaf.certificate()), ecLeaf.keys().getPrivate()).serverNames())
                .containsExactly("ec.example.com");
    }

    private void assertMatches(Path cert, Path key, char[] password, Issued expected) {
        Loaded<CertifiedKey> loaded = CertifiedKeys.load(cert, key, password, NOW);
        assertThat(loaded.value().leaf()).isEqualTo(expected.certificate());
        assertThat(secret(loaded.value().key())).isEqualTo(secret(expected.keys().getPrivate()));
        assertThat(loaded.hasWarnings()).isFalse();
    }

    /** The secret number of a key, which does not depend on how the key was encoded. */
    private static java.math.BigInteger secret(PrivateKey key) {
        return key instanceof java.security.interfaces.ECPrivateKey ec ? ec.getS()
                : ((java.security.interfaces.RSAPrivateKey) key).getPrivateExponent();
    }

    private Loaded<CertifiedKey> load(String cert, String key, char[] password) {
        return CertifiedKeys.load(dir.resolve(cert), dir.resolve(key), password, Instant.now());
    }

    private void run(String... arguments) {
        OpenSsl.Result result = OpenSsl.run(dir, arguments);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
