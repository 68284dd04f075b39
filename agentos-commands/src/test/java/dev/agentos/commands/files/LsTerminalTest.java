package dev.agentos.commands.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.io.Pipe;
import dev.agentos.kernel.proc.GuestProcess;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.tty.Pty;
import dev.agentos.kernel.tty.WindowSize;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ls writing to a terminal: columns sized by COLUMNS or the window, names quoted as GNU does on a tty.
 * The host half runs under script(1), which gives GNU ls a pseudo-terminal too.
 */
class LsTerminalTest {
    private final CommandDiff diff = new CommandDiff();

    @AfterEach void close() { diff.close(); }

    private void files() {
        for (String n : List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
                "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon")) {
            diff.file(n, "");
        }
    }

    /** Runs ls in the VM with standard output on a PTY of the given width; returns what the master read. */
    private String vmOnTty(int cols, Map<String, String> extraEnv, String... args) throws Exception {
        Pty pty = diff.kernel().ptys().open();
        pty.terminal().setWindowSize(new WindowSize(cols, 24));
        FileDescription slave = pty.openSlave(OpenFlags.O_RDWR);
        Pipe in = diff.kernel().pipes().create();
        Pipe err = diff.kernel().pipes().create();
        Map<String, String> env = new LinkedHashMap<>(Map.of("PATH", "/usr/bin:/bin", "LC_ALL", "C", "TZ", "UTC"));
        env.putAll(extraEnv);
        GuestProcess p = diff.kernel().processes().spawn(SpawnRequest.of("ls", List.of(args)).withEnv(env).withCwd(CommandDiff.VM_DIR),
                Credentials.AGENTOS, Map.of(0, in.readEnd(), 1, slave, 2, err.writeEnd()));
        in.writeEnd().close();
        err.readEnd().close();
        FileDescription master = pty.master();
        CompletableFuture<String> out = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = master.read(buf, 0, buf.length)) > 0) bytes.write(buf, 0, n);
            } catch (RuntimeException eofOrEio) {
                // the slave side is gone
            }
            out.complete(bytes.toString(StandardCharsets.UTF_8));
        });
        assertThat(p.onExit().get(10, TimeUnit.SECONDS).shellStatus()).isZero();
        String text = out.get(10, TimeUnit.SECONDS);
        master.close();
        return text.replace("\r\n", "\n");
    }

    private String hostOnTty(String command) {
        assumeTrue(CommandDiff.hostHas("script"));
        return diff.host("", List.of("script", "-qc", command, "/dev/null")).stdout().replace("\r\n", "\n");
    }

    @Test void columnsFollowTheWindowWidth() throws Exception {
        files();
        String vm = vmOnTty(40, Map.of());
        assertThat(vm).isEqualTo(hostOnTty("COLUMNS=40 ls"));
        assertThat(vm.lines().count()).isGreaterThan(1);
        assertThat(vmOnTty(100, Map.of())).isEqualTo(hostOnTty("COLUMNS=100 ls"));
    }

    @Test void columnsEnvironmentOverridesTheWindow() throws Exception {
        files();
        assertThat(vmOnTty(200, Map.of("COLUMNS", "30"))).isEqualTo(hostOnTty("COLUMNS=30 ls"));
        assertThat(vmOnTty(80, Map.of("COLUMNS", "50"), "-F")).isEqualTo(hostOnTty("COLUMNS=50 ls -F"));
        assertThat(vmOnTty(80, Map.of(), "-1")).isEqualTo(hostOnTty("ls -1"));
    }

    @Test void namesNeedingQuotesAreQuotedAndOthersIndented() throws Exception {
        diff.file("plain", "").file("with space", "").file("it's", "");
        assertThat(vmOnTty(80, Map.of("COLUMNS", "80"))).isEqualTo(hostOnTty("COLUMNS=80 ls"));
        assertThat(vmOnTty(80, Map.of("COLUMNS", "80"), "-1")).isEqualTo(hostOnTty("COLUMNS=80 ls -1"));
        assertThat(vmOnTty(80, Map.of("COLUMNS", "80"))).isEqualTo("\"it's\"\t plain\t'with space'\n");
    }
}
