package dev.agentos.kernel.io;

import static dev.agentos.kernel.vfs.OpenFlags.O_RDONLY;
import static dev.agentos.kernel.vfs.OpenFlags.O_RDWR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DevicesTest {
    @Test void nullReadsEofAndSwallowsWrites() {
        FileDescription d = Devices.nullDevice(O_RDWR);
        assertThat(d.read(new byte[8], 0, 8)).isEqualTo(-1);
        assertThat(d.write(new byte[100], 0, 100)).isEqualTo(100);
        assertThat(d.seek(42, 0)).isZero();
        assertThat(d.describe()).isEqualTo("/dev/null");
    }

    @Test void zeroAndFullReadZeros() {
        for (FileDescription d : new FileDescription[] {Devices.zero(O_RDWR), Devices.full(O_RDWR)}) {
            byte[] buf = new byte[16];
            Arrays.fill(buf, (byte) 9);
            assertThat(d.read(buf, 4, 8)).isEqualTo(8);
            assertThat(buf).containsExactly(9, 9, 9, 9, 0, 0, 0, 0, 0, 0, 0, 0, 9, 9, 9, 9);
        }
        assertThat(Devices.zero(O_RDWR).write(new byte[10], 0, 10)).isEqualTo(10);
    }

    @Test void fullRejectsWritesWithEnospc() {
        assertThatThrownBy(() -> Devices.full(O_RDWR).write(new byte[1], 0, 1))
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.ENOSPC)).isTrue())
                .hasMessage("ENOSPC: no space left on device, write");
    }

    @Test void randomDevicesReturnFreshBytesEveryRead() {
        for (FileDescription d : new FileDescription[] {Devices.random(O_RDONLY), Devices.urandom(O_RDONLY)}) {
            byte[] a = new byte[64], b = new byte[64];
            assertThat(d.read(a, 0, 64)).isEqualTo(64);
            assertThat(d.read(b, 0, 64)).isEqualTo(64);
            assertThat(a).isNotEqualTo(b).isNotEqualTo(new byte[64]);
            assertThat(d.readyOps()).isEqualTo(Pollable.POLLIN | Pollable.POLLOUT);
        }
    }

    @Test void devicesAreWorldWritableCharDevicesWithLinuxNumbers() {
        assertDevice(Devices.nullDevice(O_RDONLY), "/dev/null", 1, 3);
        assertDevice(Devices.zero(O_RDONLY), "/dev/zero", 1, 5);
        assertDevice(Devices.full(O_RDONLY), "/dev/full", 1, 7);
        assertDevice(Devices.random(O_RDONLY), "/dev/random", 1, 8);
        assertDevice(Devices.urandom(O_RDONLY), "/dev/urandom", 1, 9);
        assertThat(Devices.makedev(136, 300)).isEqualTo((136L << 8) | 44 | (256L << 12));
    }

    @Test void accessModeIsEnforced() {
        assertThatThrownBy(() -> Devices.nullDevice(O_RDONLY).write(new byte[1], 0, 1))
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EBADF)).isTrue());
        assertThatThrownBy(() -> Devices.zero(dev.agentos.kernel.vfs.OpenFlags.O_WRONLY).read(new byte[1], 0, 1))
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EBADF)).isTrue());
    }

    @Test void urandomReportsThroughput() {
        FileDescription d = Devices.urandom(O_RDONLY);
        byte[] buf = new byte[64 * 1024];
        long start = System.nanoTime();
        long total = 0;
        for (int i = 0; i < 320; i++) total += d.read(buf, 0, buf.length);
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("/dev/urandom throughput: %.1f MB/s%n", total / s / 1e6);
        assertThat(total).isEqualTo(320L * buf.length);
    }

    private static void assertDevice(FileDescription d, String path, int major, int minor) {
        FileStat st = d.stat();
        assertThat(st.type()).isEqualTo(FileType.CHAR_DEVICE);
        assertThat(st.mode()).isEqualTo(0666);
        assertThat(st.rdev()).isEqualTo(((long) major << 8) | minor);
        assertThat(d.describe()).isEqualTo(path);
    }
}
