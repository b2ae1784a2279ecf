package dev.ferrite.gateway.spec.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/** {@code ferrite.gateway.shared-subscription.strategy=sticky} (MQTT 5 4.8.2). */
@TestPropertySource(properties = "ferrite.gateway.shared-subscription.strategy=sticky")
class SharedSubscriptionStickyIntegrationTest extends GatewayIntegrationTest {

    @Test
    void oneMemberGetsEverythingUntilItLeavesThenAnotherDoes() throws Exception {
        ShareGroup group = new ShareGroup(clients, "sticky", "shared/sticky");
        AutoCloseable leaveA = group.join("sticky-a");
        AutoCloseable leaveB = group.join("sticky-b");

        group.publish("sticky-pub-1", "m", 10);
        Map<String, List<String>> first = group.take(10);
        assertThat(first).hasSize(1);
        String chosen = first.keySet().iterator().next();
        assertThat(first.get(chosen)).containsExactly("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10");

        (chosen.equals("sticky-a") ? leaveA : leaveB).close();
        clients.awaitNoSession(chosen);
        group.publish("sticky-pub-2", "n", 5);

        Map<String, List<String>> after = group.take(5);
        assertThat(after).containsOnlyKeys(chosen.equals("sticky-a") ? "sticky-b" : "sticky-a");
        assertThat(after.values().iterator().next()).containsExactly("n1", "n2", "n3", "n4", "n5");
    }
}
