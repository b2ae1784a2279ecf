package dev.ferrite.apikeyguard;

import static dev.ferrite.apikeyguard.GuardHttp.basic;
import static dev.ferrite.apikeyguard.GuardHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import dev.ferrite.apikeyguard.testapp.GuardTestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(classes = GuardTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=guard-test",
        "ferrite.api-guard.throttle.max-failures=3",
        "ferrite.api-guard.throttle.window=1m"})
class ApiKeyGuardThrottleWebTest {

    private static final String ADMIN = basic("admin-key", "admin-key-secret");

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void anAddressThatKeepsFailingIsRefusedWith429EvenWithGoodCredentials() {
        GuardHttp http = new GuardHttp(port);
        assertThat(http.get("/api/v5/things", ADMIN).statusCode()).isEqualTo(200);

        for (int failure = 1; failure <= 3; failure++) {
            assertThat(http.get("/api/v5/things", basic("admin-key", "guess-" + failure)).statusCode())
                    .as("failure %d", failure).isEqualTo(401);
        }
        double throttledBefore = meters.counter("ferrite.api.authentication.throttled").count();
        HttpResponse<String> refused = http.get("/api/v5/things", ADMIN);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(refused).path("detail").asString()).startsWith("Too many failed authentications");
        assertThat(meters.counter("ferrite.api.authentication.throttled").count()).isEqualTo(throttledBefore + 1);
        assertThat(http.get("/api/v5/status", null).statusCode()).isEqualTo(200);
    }
}
