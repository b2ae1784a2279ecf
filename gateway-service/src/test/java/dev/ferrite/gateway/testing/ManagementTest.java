package dev.ferrite.gateway.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The gateway as the management tests need it, one Spring context for all of them: API keys per
 * role, an authenticator that refuses one user, an internal token (only internal principals may
 * subscribe to {@code $events/}), a fixed node name, {@code $SYS} every second and session queues
 * of three deliveries, so that a full queue takes four messages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ferrite.internal-token=" + ManagementTest.INTERNAL_TOKEN,
        "ferrite.gateway.node-name=" + ManagementTest.NODE,
        "ferrite.gateway.sys-interval=1s",
        "ferrite.gateway.session.max-queued-messages=" + ManagementTest.MAX_QUEUED})
@Import({TestApiKeys.class, TestAuthenticator.class})
public @interface ManagementTest {

    String INTERNAL_TOKEN = "management-test-internal-token";
    String NODE = "ferrite@test";
    int MAX_QUEUED = 3;
}
