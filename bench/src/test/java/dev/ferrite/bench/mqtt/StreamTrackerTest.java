package dev.ferrite.bench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamTrackerTest {

    @Test
    void countsNothingWrongForAnInOrderStream() {
        StreamTracker stream = new StreamTracker();
        for (int i = 0; i < 1000; i++) {
            assertThat(stream.record(i)).isTrue();
        }
        assertThat(stream.lost(1000)).isZero();
        assertThat(stream.duplicates()).isZero();
        assertThat(stream.outOfOrder()).isZero();
    }

    @Test
    void aGapIsALossUntilTheMissingMessageArrivesLate() {
        StreamTracker stream = new StreamTracker();
        stream.record(0);
        stream.record(2);
        assertThat(stream.lost(3)).isEqualTo(1);

        assertThat(stream.record(1)).isTrue();
        assertThat(stream.lost(3)).isZero();
        assertThat(stream.outOfOrder()).isEqualTo(1);
    }

    @Test
    void messagesSentButNeverReceivedAtTheEndAreLost() {
        StreamTracker stream = new StreamTracker();
        stream.record(0);
        stream.record(1);
        assertThat(stream.lost(5)).isEqualTo(3);
    }

    @Test
    void aSecondCopyIsADuplicateNotANewArrival() {
        StreamTracker stream = new StreamTracker();
        stream.record(0);
        stream.record(1);
        assertThat(stream.record(1)).isFalse();
        assertThat(stream.record(0)).isFalse();
        assertThat(stream.duplicates()).isEqualTo(2);
        assertThat(stream.outOfOrder()).isZero();
        assertThat(stream.lost(2)).isZero();
    }
}
