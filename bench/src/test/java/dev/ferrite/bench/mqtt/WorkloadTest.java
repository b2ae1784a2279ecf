package dev.ferrite.bench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each workload's subscribers hear exactly the publishers the loss accounting expects. */
class WorkloadTest {

    @Test
    void fanInHasOneWildcardSubscriberForEveryPublisher() {
        Workload fanIn = Workload.FAN_IN;
        assertThat(fanIn.publishers(50)).isEqualTo(50);
        assertThat(fanIn.subscribers(50)).isEqualTo(1);
        assertThat(fanIn.filter("b", 0)).isEqualTo("b/in/+");
        assertThat(fanIn.topic("b", 49)).isEqualTo("b/in/49");
        assertThat(fanIn.sourceCount(50)).isEqualTo(50);
        assertThat(fanIn.receiversPerMessage(50)).isEqualTo(1);
    }

    @Test
    void fanOutDeliversEveryMessageToEverySubscriber() {
        Workload fanOut = Workload.FAN_OUT;
        assertThat(fanOut.publishers(50)).isEqualTo(1);
        assertThat(fanOut.subscribers(50)).isEqualTo(50);
        assertThat(fanOut.filter("b", 7)).isEqualTo(fanOut.topic("b", 0));
        assertThat(fanOut.receiversPerMessage(50)).isEqualTo(50);
    }

    @Test
    void pointToPointPairsPublisherAndSubscriberOfTheSameNumber() {
        Workload pairs = Workload.POINT_TO_POINT;
        assertThat(pairs.filter("b", 7)).isEqualTo(pairs.topic("b", 7));
        assertThat(pairs.firstSource(7)).isEqualTo(7);
        assertThat(pairs.sourceCount(50)).isEqualTo(1);
    }
}
