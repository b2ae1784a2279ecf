package dev.ferrite.cert.crl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;

import dev.ferrite.cert.issue.CertificateIssuer;
import dev.ferrite.cert.issue.IssueRequest;
import dev.ferrite.cert.issue.RevocationReason;
import dev.ferrite.cert.issue.Revocations;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** CRLs on a clock the test moves: re-signing before nextUpdate, expired entries, same-second CRLs. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "ferrite.cert.crl.validity=2h",
        "ferrite.cert.crl.check-interval=100ms"})
class CrlRefreshIntegrationTest {

    private static final Duration VALIDITY = Duration.ofHours(2);
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final String CRL = "/crl/default.crl";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ferrite.data-dir", dataDir::toString);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    CurrentCrls crls;

    @Autowired
    CertificateIssuer issuer;

    @Autowired
    Revocations revocations;

    @Autowired
    MeterRegistry meters;

    private CertHttp http;

    @BeforeEach
    void connect() {
        http = new CertHttp(port);
    }

    @AfterEach
    void letTheClockRun() {
        clock.thaw();
    }

    @Test
    void aCrlIsReSignedOnceLessThanHalfOfItsValidityRemains() {
        SignedCrl first = crls.of("default");
        assertThat(Duration.between(first.thisUpdate(), first.nextUpdate())).isEqualTo(VALIDITY);

        clock.moveTo(first.thisUpdate().plus(VALIDITY.dividedBy(2)).minusSeconds(30));
        crls.resignDue();
        assertThat(crls.of("default").number()).isEqualTo(first.number());

        clock.moveTo(first.thisUpdate().plus(VALIDITY.dividedBy(2)).plusSeconds(30));

        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(Crls.number(served())).isGreaterThan(first.number()));
        X509CRL resigned = served();
        assertThat(resigned.getThisUpdate().toInstant()).isAfterOrEqualTo(first.thisUpdate().plus(VALIDITY.dividedBy(2)));
        assertThat(resigned.getNextUpdate().toInstant()).isEqualTo(resigned.getThisUpdate().toInstant().plus(VALIDITY));
    }

    @Test
    void aRevokedCertificateLeavesTheCrlOnceItHasExpired() {
        String shortLived = issue("sensor-one-day", 1);
        String longLived = issue("sensor-one-year", 365);
        revocations.revoke(shortLived, RevocationReason.KEY_COMPROMISE);
        revocations.revoke(longLived, RevocationReason.KEY_COMPROMISE);
        assertThat(served().getRevokedCertificate(Crls.serial(shortLived))).isNotNull();

        clock.moveAhead(Duration.ofDays(2));

        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(served().getRevokedCertificate(Crls.serial(shortLived))).isNull());
        assertThat(served().getRevokedCertificate(Crls.serial(longLived))).isNotNull();
    }

    @Test
    void aCrlSignedInTheSameSecondAsTheOneBeforeIsNotHiddenByIfModifiedSince() {
        SignedCrl current = crls.of("default");
        clock.freezeAt(later(current.thisUpdate(), clock.instant()).plusMillis(10_500));
        revocations.revoke(issue("sensor-same-second-1", 30), RevocationReason.SUPERSEDED);
        HttpResponse<byte[]> first = http.fetch(CRL);
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

        String second = issue("sensor-same-second-2", 30);
        revocations.revoke(second, RevocationReason.SUPERSEDED);
        HttpResponse<byte[]> afterSecond = http.fetch(CRL, "If-Modified-Since", lastModified);

        assertThat(afterSecond.statusCode()).isEqualTo(200);
        X509CRL crl = Crls.parse(afterSecond.body());
        assertThat(crl.getThisUpdate()).isEqualTo(Crls.parse(first.body()).getThisUpdate());
        assertThat(crl.getRevokedCertificate(Crls.serial(second))).isNotNull();
        assertThat(afterSecond.headers().firstValue("Last-Modified")).isEmpty();
        String etag = afterSecond.headers().firstValue("ETag").orElseThrow();
        assertThat(http.fetch(CRL, "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void theGaugeTellsTheTimeToTheCurrentCrlsNextUpdate() {
        SignedCrl current = crls.of("default");
        Instant frozen = later(current.thisUpdate(), clock.instant()).plusSeconds(600);
        clock.freezeAt(frozen);

        double seconds = meters.get("ferrite.cert.crl.time.to.next.update").tag("ca", "default").gauge().value();

        assertThat(crls.of("default").number()).isEqualTo(current.number());
        assertThat(seconds).isCloseTo(Duration.between(frozen, current.thisUpdate().plus(VALIDITY)).toMillis() / 1000.0,
                within(0.001));
    }

    private X509CRL served() {
        HttpResponse<byte[]> response = http.fetch(CRL);
        assertThat(response.statusCode()).isEqualTo(200);
        return Crls.parse(response.body());
    }

    private String issue(String commonName, int validityDays) {
        return issuer.issue(new IssueRequest(null, commonName, null, null, validityDays, null, null)).certificate().serial();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
