package dev.ferrite.cert.alarm;

import static dev.ferrite.cert.testing.CertHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.ferrite.cert.expiry.ExpiryMonitor;
import dev.ferrite.cert.testing.CertHttp;
import dev.ferrite.cert.testing.MovableClock;
import dev.ferrite.cert.testing.MovableClockConfiguration;
import dev.ferrite.cert.testing.TestApiKeys;
import dev.ferrite.cert.testing.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.grpc.server.port=0",
        "ferrite.cert.expiry-warning=30d",
        "ferrite.cert.bundle.auto-rotate-before=10d"})
@Import({TestApiKeys.class, MovableClockConfiguration.class})
@DirtiesContext
class ExpiryAlarmIntegrationTest {

    private static final String BUNDLES = "/api/v5/bundles";
    private static final String ALARMS = "/api/v5/alarms";
    private static final String GAUGE = "ferrite_cert_expiry_seconds";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ferrite.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    ExpiryMonitor monitor;

    private CertHttp admin;

    @BeforeEach
    void setUp() {
        admin = CertHttp.asAdministrator(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSecondsUntilExpiryOfBundlesAndCasAreExportedToPrometheus() {
        issue("gauged", 60);

        double secondsLeft = gauge("bundle", "gauged").orElseThrow();
        assertThat(secondsLeft).isCloseTo(Duration.ofDays(60).toSeconds(), within(120.0));
        assertThat(gauge("ca", "default").orElseThrow()).isGreaterThan(Duration.ofDays(365).toSeconds());

        clock.moveAhead(Duration.ofDays(10));
        assertThat(gauge("bundle", "gauged").orElseThrow()).as("read at scrape time from the clock")
                .isCloseTo(Duration.ofDays(50).toSeconds(), within(120.0));

        assertThat(admin.delete(BUNDLES + "/gauged").statusCode()).isEqualTo(204);
        assertThat(gauge("bundle", "gauged")).as("a deleted bundle has no gauge").isEmpty();
    }

    @Test
    void aBundleExpiringWithinTheWarningRaisesAnAlarmThatItsRotationEnds() {
        JsonNode issued = issue("soon", 60);
        monitor.check();
        assertThat(alarm(true, "bundle_expiring/soon")).as("60 days left is outside the 30-day warning").isEmpty();

        clock.moveAhead(Duration.ofDays(40));
        monitor.check();

        JsonNode active = alarm(true, "bundle_expiring/soon").orElseThrow();
        assertThat(active.get("activated").asBoolean()).isTrue();
        assertThat(active.get("message").asString()).contains("bundle 'soon'", issued.get("serial").asString(),
                "POST /api/v5/bundles/soon/rotate");
        assertThat(active.get("details").get("bundle").asString()).isEqualTo("soon");
        assertThat(active.get("details").get("serial").asString()).isEqualTo(issued.get("serial").asString());
        assertThat(Instant.parse(active.get("details").get("not_after").asString()))
                .isEqualTo(Instant.parse(issued.get("notAfter").asString()));
        assertThat(active.get("deactivate_at").asString()).isEqualTo("infinity");
        Instant activatedAt = Instant.parse(active.get("activate_at").asString());
        assertThat(activatedAt).isCloseTo(clock.instant(), within(Duration.ofMinutes(1)));
        assertThat(active.get("duration").asLong()).isNotNegative();

        monitor.check();
        assertThat(alarms(true).stream().filter(alarm -> alarm.get("name").asString().equals("bundle_expiring/soon")))
                .as("checking again keeps the one alarm").hasSize(1);

        assertThat(admin.post(BUNDLES + "/soon/rotate").statusCode()).isEqualTo(200);

        assertThat(alarm(true, "bundle_expiring/soon")).isEmpty();
        JsonNode ended = alarm(false, "bundle_expiring/soon").orElseThrow();
        assertThat(ended.get("activated").asBoolean()).isFalse();
        assertThat(Instant.parse(ended.get("activate_at").asString())).isEqualTo(activatedAt);
        assertThat(Instant.parse(ended.get("deactivate_at").asString())).isAfterOrEqualTo(activatedAt);
        assertThat(ended.get("duration").asLong()).isNotNegative();
    }

    @Test
    void replacingAnUploadedBundleThatExpiresSoonEndsItsAlarm() {
        TestPki pki = new TestPki(clock.instant());
        upload(pki, "replaced-soon", Duration.ofDays(10));

        JsonNode active = alarm(true, "bundle_expiring/replaced-soon").orElseThrow(
                () -> new AssertionError("an upload within the warning raises the alarm at once: " + alarms(true)));
        assertThat(active.get("message").asString()).contains("PUT /api/v5/bundles/replaced-soon");

        upload(pki, "replaced-soon", Duration.ofDays(90));

        assertThat(alarm(true, "bundle_expiring/replaced-soon")).isEmpty();
        assertThat(alarm(false, "bundle_expiring/replaced-soon")).isPresent();
    }

    @Test
    void deletingABundleEndsItsAlarm() {
        upload(new TestPki(clock.instant()), "deleted-soon", Duration.ofDays(5));
        assertThat(alarm(true, "bundle_expiring/deleted-soon")).isPresent();

        assertThat(admin.delete(BUNDLES + "/deleted-soon").statusCode()).isEqualTo(204);

        assertThat(alarm(true, "bundle_expiring/deleted-soon")).isEmpty();
        assertThat(alarm(false, "bundle_expiring/deleted-soon")).isPresent();
    }

    @Test
    void clearingAlarmsRemovesOnlyTheEndedOnes() {
        TestPki pki = new TestPki(clock.instant());
        upload(pki, "clear-ended", Duration.ofDays(10));
        upload(pki, "clear-ended", Duration.ofDays(90));
        upload(pki, "clear-active", Duration.ofDays(10));
        assertThat(alarm(false, "bundle_expiring/clear-ended")).isPresent();

        HttpResponse<String> cleared = admin.delete(ALARMS);

        assertThat(cleared.statusCode()).isEqualTo(204);
        JsonNode ended = json(admin.get(ALARMS + "?activated=false"));
        assertThat(ended.get("data")).isEmpty();
        assertThat(ended.get("meta").get("count").asLong()).isZero();
        assertThat(alarm(true, "bundle_expiring/clear-active")).isPresent();
        assertThat(json(admin.get(ALARMS)).get("data").toString()).doesNotContain("clear-ended");
    }

    @Test
    void anIssuedBundleIsRotatedBeforeItExpiresAndItsPreviousReleasedOnceExpired() {
        JsonNode issued = issue("auto", 60);

        clock.moveAhead(Duration.ofDays(55));
        monitor.check();

        JsonNode rotated = json(admin.get(BUNDLES + "/auto"));
        assertThat(rotated.get("version").asLong()).isEqualTo(2);
        assertThat(rotated.get("serial").asString()).isNotEqualTo(issued.get("serial").asString());
        assertThat(rotated.get("previous").get("serial").asString()).isEqualTo(issued.get("serial").asString());
        assertThat(alarm(true, "bundle_expiring/auto")).as("the new certificate has 60 days").isEmpty();

        clock.moveAhead(Duration.ofDays(6));
        monitor.check();

        JsonNode released = json(admin.get(BUNDLES + "/auto"));
        assertThat(released.get("version").asLong()).isEqualTo(2);
        assertThat(released.has("previous")).as("the previous version expired").isFalse();
    }

    @Test
    void theAlarmListIsPagedAndItsFilterChecked() {
        assertThat(admin.get(ALARMS + "?limit=0").statusCode()).isEqualTo(400);
        JsonNode page = json(admin.get(ALARMS + "?page=1&limit=1"));
        assertThat(page.get("meta").get("limit").asInt()).isEqualTo(1);
        assertThat(page.get("data").size()).isLessThanOrEqualTo(1);
        assertThat(CertHttp.anonymous(port).get(ALARMS).statusCode()).isEqualTo(401);
    }

    private JsonNode issue(String name, int validityDays) {
        HttpResponse<String> issued = admin.post(BUNDLES + "/" + name + "/issue", "{\"commonName\": \"" + name
                + ".example.test\", \"sans\": [\"" + name + ".example.test\"], \"validityDays\": " + validityDays + "}");
        assertThat(issued.statusCode()).as(issued.body()).isIn(200, 201);
        return json(issued);
    }

    private void upload(TestPki pki, String name, Duration validity) {
        TestPki.Issued server = pki.server(name + ".example.test", clock.instant(), validity);
        HttpResponse<String> uploaded = admin.put(BUNDLES + "/" + name, CertHttp.object()
                .put("chainPem", pki.chainPem(server)).put("keyPem", server.keyPem()).toString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isIn(200, 201);
    }

    private List<JsonNode> alarms(boolean activated) {
        HttpResponse<String> response = admin.get(ALARMS + "?activated=" + activated + "&limit=1000");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> alarms = new ArrayList<>();
        json(response).get("data").forEach(alarms::add);
        return alarms;
    }

    private Optional<JsonNode> alarm(boolean activated, String name) {
        return alarms(activated).stream().filter(alarm -> alarm.get("name").asString().equals(name)).findFirst();
    }

    /** The gauge's value for one bundle or CA, as Prometheus scrapes it (without credentials). */
    private Optional<Double> gauge(String tag, String value) {
        HttpResponse<String> scrape = CertHttp.anonymous(port).get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        return scrape.body().lines()
                .filter(line -> line.startsWith(GAUGE + "{") && line.contains(tag + "=\"" + value + "\""))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
