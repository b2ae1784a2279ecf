package dev.ferrite.rules.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InOrderAcksTest {

    private final List<Integer> acked = new ArrayList<>();
    private final InOrderAcks acks = new InOrderAcks((id, qos) -> acked.add(id));

    @Test
    void aMessageThatFinishesFirstWaitsForTheOnesBeforeIt() throws Exception {
        InOrderAcks.Ticket first = acks.received(1, 1);
        InOrderAcks.Ticket second = acks.received(2, 1);
        InOrderAcks.Ticket third = acks.received(3, 1);

        acks.finished(third);
        acks.finished(second);
        assertThat(acked).isEmpty();

        acks.finished(first);
        assertThat(acked).containsExactly(1, 2, 3);
        assertThat(acks.pending()).isZero();
    }

    @Test
    void qos0HasNothingToAcknowledge() throws Exception {
        assertThat(acks.received(0, 0)).isNull();
        acks.finished(null);
        assertThat(acked).isEmpty();
    }

    @Test
    void messagesOfAnEarlierConnectionAreNeverAcknowledgedOnANewOne() throws Exception {
        InOrderAcks.Ticket old = acks.received(7, 1);
        acks.newConnection();
        InOrderAcks.Ticket fresh = acks.received(7, 1);

        acks.finished(old);
        assertThat(acked).isEmpty();
        acks.finished(fresh);
        assertThat(acked).containsExactly(7);
    }
}
