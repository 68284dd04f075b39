package dev.agentos.commands.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** seq and yes against the host's GNU coreutils. */
class SeqYesDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() { assumeTrue(CommandDiff.hostHas("seq")); }

    @AfterEach void close() { diff.close(); }

    @Test void integers() {
        diff.assertSame("seq", "5");
        diff.assertSame("seq", "3", "7");
        diff.assertSame("seq", "10", "-3", "1");
        diff.assertSame("seq", "-3", "2");
        diff.assertSame("seq", "5", "1");
        diff.assertSame("seq", "0");
        diff.assertSame("seq", "-5", "-2", "-11");
        diff.assertSame("seq", "1", "1000");
    }

    @Test void floatsUseTheLargestPrecision() {
        diff.assertSame("seq", "1.5", "0.3", "2.5");
        diff.assertSame("seq", "0.1", "0.1", "0.3");
        diff.assertSame("seq", "0", "0.000001", "0.000003");
        diff.assertSame("seq", "1e3", "1e3", "3e3");
        diff.assertSame("seq", "1", "0.5", "3");
        diff.assertSame("seq", "-1", "-0.25", "-2");
        diff.assertSame("seq", "1.", "3");
        diff.assertSame("seq", ".5", "2");
        diff.assertSame("seq", "1e-2", "0.01", "0.05");
    }

    @Test void equalWidthSeparatorFormat() {
        diff.assertSame("seq", "-w", "8", "11");
        diff.assertSame("seq", "-w", "-3", "2");
        diff.assertSame("seq", "-w", "0.5", "0.5", "2");
        diff.assertSame("seq", "-w", "1", "0.5", "10");
        diff.assertSame("seq", "-s", ",", "5");
        diff.assertSame("seq", "-s", ", ", "1", "3");
        diff.assertSame("seq", "-f", "%05.2f", "3");
        diff.assertSame("seq", "-f", "%g", "1", "0.5", "3");
        diff.assertSame("seq", "-f", "x%ey", "2");
        diff.assertSame("seq", "-f", "%.3e", "1000", "1000", "3000");
        diff.assertSame("seq", "-f", "%-6gX", "3");
        diff.assertSame("seq", "-f", "%+G%%", "2");
        diff.assertSame("seq", "--format=%8.3f", "1", "2");
        diff.assertSame("seq", "-f", "%g", "100000", "500000", "1100000");
    }

    @Test void errors() {
        diff.assertSame("seq");
        diff.assertSame("seq", "x");
        diff.assertSame("seq", "1", "0", "3");
        diff.assertSame("seq", "1", "2", "3", "4");
        diff.assertSame("seq", "-f", "%d", "3");
        diff.assertSame("seq", "-f", "abc", "3");
        diff.assertSame("seq", "-f", "%f%f", "3");
        diff.assertSame("seq", "-w", "-f", "%f", "3");
        diff.assertSame("seq", "1", "nan");
    }

    @Test void yesRepeatsUntilThePipeCloses() {
        // yes never ends by itself: read a little, close the pipe, and it dies of SIGPIPE
        var out = diff.kernel().pipes().create();
        var in = diff.kernel().pipes().create();
        var p = diff.kernel().processes().spawn(
                dev.agentos.kernel.proc.SpawnRequest.of("yes", java.util.List.of("ab", "c")).withEnv(java.util.Map.of("PATH", "/usr/bin:/bin")),
                dev.agentos.kernel.Credentials.AGENTOS, java.util.Map.of(0, in.readEnd(), 1, out.writeEnd(), 2, diff.kernel().pipes().create().writeEnd()));
        byte[] buf = new byte[12];
        int n = 0;
        while (n < buf.length) n += out.readEnd().read(buf, n, buf.length - n);
        assertThat(new String(buf, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("ab c\nab c\nab");
        out.readEnd().close();
        assertThat(p.onExit().join().shellStatus()).isEqualTo(128 + 13);
    }
}
