package dev.ferrite.bench.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;

class ProbeTest {

    @Test
    void theSmallestPayloadHoldsTheWholeProbe() {
        ByteBuf payload = Probe.write(UnpooledByteBufAllocator.DEFAULT, 16, 123_456_789_012L, 42, 7);
        try {
            assertThat(payload.readableBytes()).isEqualTo(16);
            assertThat(Probe.fits(payload)).isTrue();
            assertThat(Probe.sentAtNanos(payload)).isEqualTo(123_456_789_012L);
            assertThat(Probe.publisher(payload)).isEqualTo(42);
            assertThat(Probe.sequence(payload)).isEqualTo(7);
        } finally {
            payload.release();
        }
    }

    @Test
    void largerPayloadsArePaddedToTheirSize() {
        ByteBuf payload = Probe.write(UnpooledByteBufAllocator.DEFAULT, 4096, 1, 2, 3);
        try {
            assertThat(payload.readableBytes()).isEqualTo(4096);
            assertThat(Probe.sequence(payload)).isEqualTo(3);
        } finally {
            payload.release();
        }
    }
}
