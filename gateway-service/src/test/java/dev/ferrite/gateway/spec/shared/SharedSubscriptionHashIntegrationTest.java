package dev.ferrite.gateway.spec.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.ferrite.gateway.testing.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

/** {@code ferrite.gateway.shared-subscription.strategy=hash-clientid} (MQTT 5 4.8.2). */
@TestPropertySource(properties = "ferrite.gateway.shared-subscription.strategy=hash-clientid")
class SharedSubscriptionHashIntegrationTest extends GatewayIntegrationTest {

    @Test
    void allMessagesOfOnePublisherGoToOneMemberInOrder() throws Exception {
        ShareGroup group = new ShareGroup(clients, "hash", "shared/hash");
        group.join("hash-a");
        group.join("hash-b");
        group.join("hash-c");

        for (String publisher : List.of("hash-pub-1", "hash-pub-2", "hash-pub-3", "hash-pub-4")) {
            group.publish(publisher, publisher + "/m", 5);
            Map<String, List<String>> byMember = group.take(5);
            assertThat(byMember).as(publisher).hasSize(1);
            assertThat(byMember.values().iterator().next()).containsExactly(
                    publisher + "/m1", publisher + "/m2", publisher + "/m3", publisher + "/m4", publisher + "/m5");
        }
    }
}
