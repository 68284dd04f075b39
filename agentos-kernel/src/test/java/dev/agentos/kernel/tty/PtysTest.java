package dev.agentos.kernel.tty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.SignalSink;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.vfs.OpenFlags;
import org.junit.jupiter.api.Test;

class PtysTest {
    private final Ptys ptys = new Ptys(SignalSink.NONE, 2);

    @Test void openingBeyondTheLimitFailsWithEagain() {
        ptys.open();
        ptys.open();
        assertThatThrownBy(ptys::open)
                .isInstanceOfSatisfying(AgentOsException.class, e -> assertThat(e.is(Errno.EAGAIN)).isTrue())
                .hasMessage("EAGAIN: resource temporarily unavailable, posix_openpt (limit of 2 PTYs reached)");
    }

    @Test void theLowestIndexIsReusedOnceBothSidesClosed() {
        Pty first = ptys.open();
        Pty second = ptys.open();
        assertThat(first.index()).isZero();
        assertThat(second.index()).isEqualTo(1);
        FileDescription slave = first.openSlave(OpenFlags.O_RDWR);
        first.master().close();
        assertThat(ptys.get(0)).containsSame(first); // the slave still holds it
        slave.close();
        assertThat(ptys.get(0)).isEmpty();
        assertThat(ptys.list()).containsExactly(second);
        Pty reused = ptys.open();
        assertThat(reused.index()).isZero();
        assertThat(ptys.list()).containsExactly(reused, second);
    }
}
