package dev.agentos.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.kernel.io.FileDescription;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LargeFileTest extends VfsFixture {
    private static final long GIB = 1L << 30;
    private static final int MIB = 1 << 20;

    @Test
    void aSparseOneGibibyteFileCostsAlmostNothing() {
        FileDescription fd = vfs.open(root, "/tmp/sparse", OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0644);
        fd.truncate(GIB);
        fd.seek(GIB - 3, 0);
        fd.write(new byte[] {1, 2, 3}, 0, 3);
        assertThat(vfs.stat(root, "/tmp/sparse").size()).isEqualTo(GIB);
        assertThat(rootFs.usage().usedBytes()).isLessThan(ChunkedData.CHUNK + 1);
        byte[] buf = new byte[8];
        assertThat(fd.pread(GIB - 5, buf, 0, 8)).isEqualTo(5);
        assertThat(Arrays.copyOf(buf, 5)).containsExactly(0, 0, 1, 2, 3);
        assertThat(fd.pread(GIB / 2, buf, 0, 8)).isEqualTo(8);
        assertThat(buf).containsOnly(0);
    }

    @Test
    void hundredMebibytesWrittenAndReadAtUnalignedOffsetsComeBackIntact() {
        byte[] block = new byte[MIB + 4099]; // odd size: every write straddles chunk boundaries
        for (int i = 0; i < block.length; i++) block[i] = (byte) (i * 31 + 7);
        FileDescription fd = vfs.open(root, "/tmp/big", OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0644);
        fd.seek(13, 0);
        int writes = 100;
        long t0 = System.nanoTime();
        for (int i = 0; i < writes; i++) {
            block[0] = (byte) i;
            fd.write(block, 0, block.length);
        }
        long t1 = System.nanoTime();
        long total = 13 + (long) writes * block.length;
        assertThat(fd.stat().size()).isEqualTo(total);

        byte[] back = new byte[block.length];
        long t2 = System.nanoTime();
        for (int i = 0; i < writes; i++) {
            long at = 13 + (long) i * block.length;
            int n = 0;
            while (n < back.length) n += fd.pread(at + n, back, n, back.length - n);
            block[0] = (byte) i;
            if (!Arrays.equals(back, block)) throw new AssertionError("block " + i + " differs");
        }
        long t3 = System.nanoTime();
        double mib = total / (double) MIB;
        System.out.printf("100 MiB file: write %.0f MiB/s, read %.0f MiB/s%n",
                mib / ((t1 - t0) / 1e9), mib / ((t3 - t2) / 1e9));

        // One big read straight through, as readFile does.
        byte[] whole = new byte[(int) total];
        long t4 = System.nanoTime();
        assertThat(fd.pread(0, whole, 0, whole.length)).isEqualTo(whole.length);
        long t5 = System.nanoTime();
        System.out.printf("100 MiB readFile-style single read: %.0f MiB/s%n", mib / ((t5 - t4) / 1e9));
        assertThat(Arrays.copyOfRange(whole, 0, 13)).containsOnly(0);
        assertThat(whole[13 + block.length + 1]).isEqualTo(block[1]);
    }
}
