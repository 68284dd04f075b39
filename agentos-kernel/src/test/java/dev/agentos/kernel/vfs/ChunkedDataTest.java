package dev.agentos.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkedDataTest {
    @Test
    void holesReadAsZerosAndCostNothing() {
        ChunkedData d = new ChunkedData();
        d.truncate(1L << 30);
        byte[] buf = new byte[100];
        buf[5] = 9;
        assertThat(d.read((1L << 30) - 100, buf, 0, 100)).isEqualTo(100);
        assertThat(buf).containsOnly(0);
        assertThat(d.allocated()).isZero();
        assertThat(d.read(1L << 30, buf, 0, 1)).isEqualTo(-1);
    }

    @Test
    void smallFilesAllocateSmallChunksAndGrowByDoubling() {
        ChunkedData d = new ChunkedData();
        d.write(0, new byte[10], 0, 10);
        assertThat(d.allocated()).isEqualTo(64);
        d.write(10, new byte[100], 0, 100);
        assertThat(d.allocated()).isEqualTo(128);
        assertThat(d.growthFor(110, 100_000)).isEqualTo(ChunkedData.CHUNK - 128 + ChunkedData.CHUNK);
    }

    @Test
    void writesAcrossChunkBoundariesAtUnalignedOffsetsReadBack() {
        ChunkedData d = new ChunkedData();
        byte[] data = new byte[3 * ChunkedData.CHUNK + 12345];
        new Random(1).nextBytes(data);
        long at = ChunkedData.CHUNK - 7;
        d.write(at, data, 0, data.length);
        byte[] back = new byte[data.length];
        assertThat(d.read(at, back, 0, back.length)).isEqualTo(back.length);
        assertThat(back).isEqualTo(data);
        byte[] head = new byte[(int) at];
        d.read(0, head, 0, head.length);
        assertThat(head).containsOnly(0);
    }

    @Test
    void shrinkingThenGrowingExposesZerosNotOldData() {
        ChunkedData d = new ChunkedData();
        byte[] ones = new byte[1000];
        java.util.Arrays.fill(ones, (byte) 1);
        d.write(0, ones, 0, 1000);
        d.truncate(10);
        d.truncate(1000);
        byte[] back = new byte[1000];
        d.read(0, back, 0, 1000);
        assertThat(back[9]).isEqualTo((byte) 1);
        for (int i = 10; i < 1000; i++) assertThat(back[i]).isZero();
    }

    @Test
    void truncateGivesBackWholeChunks() {
        ChunkedData d = new ChunkedData();
        d.write(0, new byte[4 * ChunkedData.CHUNK], 0, 4 * ChunkedData.CHUNK);
        long freed = d.truncate(ChunkedData.CHUNK + 1);
        assertThat(freed).isEqualTo(-2L * ChunkedData.CHUNK);
        assertThat(d.allocated()).isEqualTo(2L * ChunkedData.CHUNK);
    }
}
