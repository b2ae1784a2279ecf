package dev.ferrite.gateway.spec.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/** {@code ferrite.gateway.shared-subscription.strategy=random} (MQTT 5 4.8.2). */
@TestPropertySource(properties = "ferrite.gateway.shared-subscription.strategy=random")
class SharedSubscriptionRandomIntegrationTest extends GatewayIntegrationTest {

    @Test
    void eachMessageGoesToExactlyOneMemberAndEveryMemberGetsSome() throws Exception {
        ShareGroup group = new ShareGroup(clients, "random", "shared/random");
        group.join("random-a");
        group.join("random-b");

        group.publish("random-pub", "m", 40);

        Map<String, List<String>> byMember = group.take(40);
        assertThat(byMember.values().stream().flatMap(List::stream))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 40).mapToObj(i -> "m" + i).toList());
        // Both members being picked: one chance in 2^39 of failing by bad luck.
        assertThat(byMember).containsOnlyKeys("random-a", "random-b");
    }
}
