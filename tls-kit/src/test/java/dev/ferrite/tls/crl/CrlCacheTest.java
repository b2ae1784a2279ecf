package dev.ferrite.tls.crl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import dev.ferrite.tls.RevocationAnswer;
import dev.ferrite.tls.RevocationStatus;
import dev.ferrite.tls.testing.MutableClock;
import dev.ferrite.tls.testing.PemWriting;
import dev.ferrite.tls.testing.TestHttpServer;
import dev.ferrite.tls.testing.TestPki;
import dev.ferrite.tls.testing.TestPki.Issued;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrlCacheTest {

    private static final Instant START = Instant.now();
    private static TestPki pki;

    @TempDir
    Path dir;

    private final TestHttpServer http = new TestHttpServer();
    private final MutableClock clock = new MutableClock(START);
    private final List<Set<BigInteger>> revocations = new ArrayList<>();
    private final List<CrlSourceView> fetches = new ArrayList<>();
    private final CrlCacheListener listener = new CrlCacheListener() {
        @Override
        public void fetched(CrlSourceView source) {
            fetches.add(source);
        }

        @Override
        public void revoked(X500Principal issuer, Set<BigInteger> serials, String source) {
            assertThat(issuer).isEqualTo(pki.intermediate().certificate().getSubjectX500Principal());
            revocations.add(serials);
        }
    };

    @BeforeAll
    static void makePki() {
        pki = new TestPki(START);
    }

    @AfterEach
    void stopServer() {
        http.close();
    }

    @Test
    void aDistributionPointIsFetchedOnFirstSightAndAnswersForGoodAndRevokedCertificates() {
        Issued good = device("/ca.crl");
        Issued revoked = device("/ca.crl");
        serveCrl("/ca.crl", pki.crl(1, revoked.serial()));
        CrlCache cache = cache(CrlCacheSettings.defaults());

        assertThat(check(cache, good).status()).isEqualTo(RevocationStatus.GOOD);
        RevocationAnswer answer = check(cache, revoked);
        assertThat(answer.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(answer.detail()).isEqualTo("listed in the CRL from " + http.url("/ca.crl"));
        assertThat(http.requestsTo("/ca.crl")).isEqualTo(1);

        assertThat(cache.view()).singleElement().satisfies(view -> {
            assertThat(view.source()).isEqualTo(http.url("/ca.crl").toString());
            assertThat(view.origin()).isEqualTo(CrlOrigin.DISTRIBUTION_POINT);
            assertThat(view.lastOutcome()).isEqualTo(FetchOutcome.LOADED);
            assertThat(view.lastFetchAt()).isEqualTo(START);
            assertThat(view.entries()).isEqualTo(1);
            assertThat(view.verified()).isTrue();
            assertThat(view.valid()).isTrue();
            assertThat(view.nextUpdate()).isAfter(view.thisUpdate());
        });
    }

    @Test
    void aRefreshAsksConditionallyAndA304KeepsTheCrl() {
        Issued device = device("/ca.crl");
        serveCrl("/ca.crl", pki.crl(1));
        CrlCache cache = cache(CrlCacheSettings.defaults());
        check(cache, device);

        clock.advance(Duration.ofMinutes(16));
        cache.refreshDue();

        assertThat(http.requests()).hasSize(2);
        assertThat(http.requests().get(0).header("If-None-Match")).isNull();
        assertThat(http.requests().get(1).header("If-None-Match")).isNotNull();
        assertThat(cache.view()).singleElement().extracting(CrlSourceView::lastOutcome)
                .isEqualTo(FetchOutcome.NOT_MODIFIED);
        assertThat(check(cache, device).status()).isEqualTo(RevocationStatus.GOOD);
    }

    @Test
    void nothingIsFetchedBeforeItsRefreshIsDue() {
        Issued device = device("/ca.crl");
        serveCrl("/ca.crl", pki.crl(1));
        CrlCache cache = cache(CrlCacheSettings.defaults());
        check(cache, device);

        clock.advance(Duration.ofMinutes(14));
        cache.refreshDue();

        assertThat(http.requestsTo("/ca.crl")).isEqualTo(1);
    }

    @Test
    void aRefreshedCrlThatRevokesMoreTellsTheListenerWhichSerials() {
        Issued device = device("/ca.crl");
        Issued other = device("/ca.crl");
        serveCrl("/ca.crl", pki.crl(1, other.serial()));
        CrlCache cache = cache(CrlCacheSettings.defaults());
        assertThat(check(cache, device).status()).isEqualTo(RevocationStatus.GOOD);

        serveCrl("/ca.crl", pki.crl(2, other.serial(), device.serial()));
        List<CrlSourceView> views = cache.refreshNow();

        assertThat(views).singleElement().extracting(CrlSourceView::entries).isEqualTo(2);
        assertThat(revocations).containsExactly(Set.of(other.serial()), Set.of(device.serial()));
        assertThat(check(cache, device).status()).isEqualTo(RevocationStatus.REVOKED);
    }

    @Test
    void aFailingRefreshKeepsTheLastCrlUntilNextUpdatePlusGraceThenAnswersUnknown() {
        Issued device = device("/ca.crl");
        X509CRL crl = pki.crl(pki.intermediate(), pki.intermediate(), START.minusSeconds(60),
                START.plus(Duration.ofHours(1)), 1);
        serveCrl("/ca.crl", crl);
        CrlCache cache = cache(CrlCacheSettings.defaults().withGracePeriod(Duration.ofMinutes(30)));
        assertThat(check(cache, device).status()).isEqualTo(RevocationStatus.GOOD);
        http.fail("/ca.crl", 500);

        clock.advance(Duration.ofMinutes(80));
        cache.refreshDue();
        assertThat(cache.view()).singleElement().satisfies(view -> {
            assertThat(view.lastOutcome()).isEqualTo(FetchOutcome.FAILED);
            assertThat(view.lastError()).isEqualTo("HTTP 500 from " + http.url("/ca.crl"));
            assertThat(view.lastSuccessAt()).isEqualTo(START);
            assertThat(view.valid()).isTrue();
        });
        assertThat(check(cache, device).status()).isEqualTo(RevocationStatus.GOOD);

        clock.advance(Duration.ofMinutes(11));
        RevocationAnswer answer = check(cache, device);
        assertThat(answer.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(answer.detail()).contains("expired at " + crl.getNextUpdate().toInstant(), "HTTP 500");
        assertThat(fetches).extracting(CrlSourceView::lastOutcome)
                .containsExactly(FetchOutcome.LOADED, FetchOutcome.FAILED);
    }

    @Test
    void aResponderThatHangsTimesOutAndTheAnswerIsUnknown() {
        Issued device = device("/slow.crl");
        http.hang("/slow.crl");
        CrlCache cache = cache(CrlCacheSettings.defaults().withHttpTimeout(Duration.ofMillis(300)));

        RevocationAnswer answer = check(cache, device);

        assertThat(answer.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(answer.detail()).contains("no answer from " + http.url("/slow.crl") + " within 300 ms");
    }

    @Test
    void aCrlSignedByAnotherKeyUnderTheIssuersNameIsNotUsed() {
        Issued device = device("/forged.crl");
        TestPki impostor = new TestPki(START);
        // Same names ("Test Root", "Test Intermediate"), other keys.
        X509CRL forged = impostor.crl(impostor.intermediate(), impostor.intermediate(), START.minusSeconds(60),
                START.plus(Duration.ofDays(1)), 1);
        serveCrl("/forged.crl", forged);
        CrlCache cache = cache(CrlCacheSettings.defaults());

        RevocationAnswer answer = check(cache, device);

        assertThat(answer.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(answer.detail()).contains("does not verify against CN=Test Intermediate");
        assertThat(cache.view()).singleElement().extracting(CrlSourceView::verified).isEqualTo(false);
    }

    @Test
    void aTamperedCrlIsNotUsed() throws Exception {
        Issued device = device("/tampered.crl");
        byte[] der = pki.crl(1).getEncoded();
        der[der.length - 5] ^= 0x01;
        http.serve("/tampered.crl", der, "application/pkix-crl");
        CrlCache cache = cache(CrlCacheSettings.defaults());

        assertThat(check(cache, device).status()).isEqualTo(RevocationStatus.UNKNOWN);
    }

    @Test
    void aCrlOfAnotherIssuerDoesNotAnswer() {
        TestPki other = new TestPki(START, "Other");
        Issued device = device("/other.crl");
        serveCrl("/other.crl", other.crl(1));
        CrlCache cache = cache(CrlCacheSettings.defaults());

        RevocationAnswer answer = check(cache, device);

        assertThat(answer.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(answer.detail()).contains("is the CRL of CN=Other Intermediate");
    }

    @Test
    void anExpiredCrlBeyondGraceAnswersUnknownEvenWhenJustFetched() {
        Issued device = device("/stale.crl");
        serveCrl("/stale.crl", pki.crl(pki.intermediate(), pki.intermediate(), START.minus(Duration.ofDays(2)),
                START.minus(Duration.ofDays(1)), 1));
        CrlCache cache = cache(CrlCacheSettings.defaults());

        assertThat(check(cache, device).status()).isEqualTo(RevocationStatus.UNKNOWN);
    }

    @Test
    void anOlderCrlThanTheOneInUseIsRefused() {
        Issued device = device("/ca.crl");
        serveCrl("/ca.crl", pki.crl(pki.intermediate(), pki.intermediate(), START.minusSeconds(60),
                START.plus(Duration.ofDays(1)), 2, device.serial()));
        CrlCache cache = cache(CrlCacheSettings.defaults());
        assertThat(check(cache, device).status()).isEqualTo(RevocationStatus.REVOKED);

        serveCrl("/ca.crl", pki.crl(pki.intermediate(), pki.intermediate(), START.minusSeconds(3600),
                START.plus(Duration.ofDays(1)), 1));
        cache.refreshNow();

        assertThat(cache.view()).singleElement().extracting(CrlSourceView::lastError).asString()
                .contains("older than the one in use");
        assertThat(check(cache, device).status()).isEqualTo(RevocationStatus.REVOKED);
    }

    @Test
    void configuredUrlsAndFilesAreLoadedBeforeUseAndAFileChangeIsPickedUp() {
        Issued device = pki.leaf("no-dp");
        Issued second = pki.leaf("no-dp-2");
        serveCrl("/configured.crl", pki.crl(1, device.serial()));
        Path file = dir.resolve("ca.crl.pem");
        PemWriting.writeAtomically(file, PemWriting.crl(pki.crl(1)));
        CrlCache cache = cache(CrlCacheSettings.defaults().withUrls(List.of(http.url("/configured.crl")))
                .withFiles(List.of(file)));

        List<CrlSourceView> loaded = cache.loadConfigured();

        assertThat(loaded).extracting(CrlSourceView::origin)
                .containsExactly(CrlOrigin.CONFIGURED_URL, CrlOrigin.CONFIGURED_FILE);
        assertThat(loaded).allSatisfy(view -> {
            assertThat(view.lastOutcome()).isEqualTo(FetchOutcome.LOADED);
            assertThat(view.verified()).isTrue();
        });
        assertThat(check(cache, device).status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(check(cache, second).status()).isEqualTo(RevocationStatus.GOOD);

        PemWriting.writeAtomically(file, PemWriting.crl(pki.crl(2, second.serial())));
        clock.advance(Duration.ofMinutes(15));
        cache.refreshDue();

        assertThat(check(cache, second).status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(revocations).contains(Set.of(second.serial()));
    }

    @Test
    void anUnchangedFileIsNotModified() throws Exception {
        Path file = dir.resolve("ca.crl");
        PemWriting.writeAtomically(file, pki.crl(1).getEncoded().clone());
        CrlCache cache = cache(CrlCacheSettings.defaults().withFiles(List.of(file)));
        cache.loadConfigured();

        assertThat(cache.refreshNow()).singleElement().extracting(CrlSourceView::lastOutcome)
                .isEqualTo(FetchOutcome.NOT_MODIFIED);
    }

    @Test
    void aCertificateWithoutDistributionPointOrConfiguredCrlIsUnknown() {
        CrlCache cache = cache(CrlCacheSettings.defaults());

        RevocationAnswer answer = cache.check(pki.leaf("bare").certificate(), pki.intermediate().certificate());

        assertThat(answer.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(answer.detail()).isEqualTo("no CRL is known for CN=Test Intermediate");
    }

    @Test
    void theLeastRecentlyUsedDistributionPointLeavesAFullCache() {
        Issued first = device("/first.crl");
        Issued second = device("/second.crl");
        serveCrl("/first.crl", pki.crl(1));
        serveCrl("/second.crl", pki.crl(1));
        CrlCache cache = cache(CrlCacheSettings.defaults().withCapacity(1));

        check(cache, first);
        check(cache, second);

        assertThat(cache.view()).extracting(CrlSourceView::source).containsExactly(http.url("/second.crl").toString());
    }

    @Test
    void aDistributionPointOverHttpsIsFetchedWithTheGivenTrust() throws Exception {
        Issued server = pki.leaf("localhost", pki.leafOptions().dnsNames("localhost"));
        javax.net.ssl.SSLContext serverTls = javax.net.ssl.SSLContext.getInstance("TLS");
        serverTls.init(new javax.net.ssl.KeyManager[] { new dev.ferrite.tls.reload.ReloadableKeyManager(List.of(
                new dev.ferrite.tls.pem.CertifiedKey(List.of(server.certificate(), pki.intermediate().certificate()),
                        server.keys().getPrivate()))) }, null, null);
        try (TestHttpServer https = new TestHttpServer(serverTls)) {
            https.serve("/ca.crl", pki.crl(1).getEncoded(), "application/pkix-crl");
            String url = "https://localhost:" + https.url("/ca.crl").getPort() + "/ca.crl";
            Issued device = pki.leaf("device", pki.leafOptions().crlUrl(url));
            CrlCache cache = cache(CrlCacheSettings.defaults().withHttpsContext(
                    dev.ferrite.tls.testing.JdkTls.clientContext(List.of(pki.root().certificate()), null)));

            assertThat(check(cache, device).status()).isEqualTo(RevocationStatus.GOOD);
        }
    }

    private Issued device(String crlPath) {
        return pki.leaf("device", pki.leafOptions().crlUrl(http.url(crlPath).toString()));
    }

    private void serveCrl(String path, X509CRL crl) {
        try {
            http.serve(path, crl.getEncoded(), "application/pkix-crl");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private CrlCache cache(CrlCacheSettings settings) {
        List<X509Certificate> cas = List.of(pki.root().certificate(), pki.intermediate().certificate());
        return new CrlCache(settings, clock, () -> cas, listener);
    }

    private static RevocationAnswer check(CrlCache cache, Issued device) {
        return cache.check(device.certificate(), pki.intermediate().certificate());
    }
}
