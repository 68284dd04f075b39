package dev.agentos.kernel.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamBufferTest {
    private static final String PEER = "127.0.0.1:1";

    @Test
    void bytesSurviveWrapAroundAndGrowth() {
        StreamBuffer buffer = new StreamBuffer(100);
        Random random = new Random(1);
        byte[] expected = new byte[10_000];
        random.nextBytes(expected);
        byte[] actual = new byte[expected.length];
        int written = 0, read = 0;
        while (read < expected.length) {
            int w = Math.min(expected.length - written, random.nextInt(60));
            if (w > 0 && buffer.writeReady()) written += buffer.write(expected, written, w, true, PEER);
            int r = random.nextInt(70) + 1;
            if (buffer.available() > 0) read += buffer.read(actual, read, Math.min(r, actual.length - read), true, PEER);
            assertThat(buffer.available()).isEqualTo(written - read).isLessThanOrEqualTo(100);
        }
        assertThat(Arrays.equals(actual, expected)).isTrue();
    }

    @Test
    void writerFinishIsEofOnlyAfterTheDataIsDrained() {
        StreamBuffer buffer = new StreamBuffer(16);
        buffer.write(new byte[] {1, 2, 3}, 0, 3, false, PEER);
        buffer.closeWriter();
        byte[] buf = new byte[8];

        assertThat(buffer.read(buf, 0, 8, false, PEER)).isEqualTo(3);
        assertThat(buffer.read(buf, 0, 8, false, PEER)).isEqualTo(-1);
    }

    @Test
    void aZeroLengthReadReturnsAtOnce() {
        assertThat(new StreamBuffer(16).read(new byte[1], 0, 0, false, PEER)).isZero();
    }
}
