package dev.ferrite.bench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class PacketIdsTest {

    @Test
    void identifiersRunFromOneAndSkipThoseStillInUseAfterWrapping() {
        PacketIds ids = new PacketIds();
        assertThat(ids.take()).isEqualTo(1);
        for (int i = 2; i <= PacketIds.MAX_IN_USE; i++) {
            ids.release(ids.take());
        }
        // 1 was never acknowledged: after 65535 the next is 2, not 1 and never 0.
        assertThat(ids.take()).isEqualTo(2);
        assertThat(ids.inUse()).isEqualTo(2);
    }

    @Test
    void anAcknowledgementForAnIdentifierNotInUseIsCountedNotTrusted() {
        PacketIds ids = new PacketIds();
        int id = ids.take();
        ids.release(id);
        ids.release(id);
        ids.release(0);
        assertThat(ids.unknownAcks()).isEqualTo(2);
        assertThat(ids.inUse()).isZero();
    }

    @Test
    void refusesToHandOutMoreThanMqttAllows() {
        PacketIds ids = new PacketIds();
        for (int i = 0; i < PacketIds.MAX_IN_USE; i++) {
            ids.take();
        }
        assertThatIllegalStateException().isThrownBy(ids::take);
    }
}
