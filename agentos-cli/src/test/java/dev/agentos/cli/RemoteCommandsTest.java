package dev.agentos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.server.Registry;
import dev.agentos.server.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subcommands that drive a server's VM, against a real server on an ephemeral port. */
class RemoteCommandsTest {
    static Registry server;
    static String endpoint;

    @BeforeAll static void start() {
        server = Registry.create(ServerConfig.DEFAULT.withPort(0)).start();
        endpoint = "http://127.0.0.1:" + server.port();
    }

    @AfterAll static void stop() { server.close(); }

    static CliRun cli(String... args) { return CliRun.of(withEndpoint(args)); }

    static CliRun cliIn(String stdin, String... args) { return CliRun.withStdin(stdin, withEndpoint(args)); }

    /** Puts --endpoint right after the subcommand name. */
    private static String[] withEndpoint(String[] args) {
        String[] out = new String[args.length + 2];
        out[0] = args[0];
        out[1] = "--endpoint";
        out[2] = endpoint;
        System.arraycopy(args, 1, out, 3, args.length - 1);
        return out;
    }

    @Test void execStreamsBothStreamsAndExitsWithTheCommandsCode() {
        CliRun r = cli("exec", "e1", "--", "sh", "-c", "echo out; echo err >&2; exit 3");
        assertThat(r.stdout()).as(r.toString()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
        assertThat(r.exitCode()).isEqualTo(3);
    }

    @Test void execOfOneWordIsAShellCommandLine() {
        CliRun r = cli("exec", "e2", "echo hello | tr a-z A-Z");
        assertThat(r.stdout()).isEqualTo("HELLO\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test void execPassesStdinWithDashI() {
        CliRun r = cliIn("piped in\n", "exec", "-i", "e3", "--", "cat");
        assertThat(r.stdout()).isEqualTo("piped in\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test void shellRunsTypedLinesAndExitsWithTheShellsCode() {
        CliRun r = cliIn("echo hi-from-$((40+2))\nexit 3\n", "shell", "sh1");
        assertThat(r.stdout()).contains("hi-from-42");
        assertThat(r.exitCode()).isEqualTo(3);
    }

    @Test void cpCopiesDirectoriesBothWays(@TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("proj");
        Files.createDirectories(src.resolve("lib/deep"));
        Files.writeString(src.resolve("a.txt"), "alpha\n");
        Files.writeString(src.resolve("lib/b.txt"), "beta\n");
        Files.write(src.resolve("lib/deep/c.bin"), new byte[] {0, 1, 2, (byte) 255});
        assertThat(cli("mkdir", "-p", "cp1:/home/agentos/in").exitCode()).isZero();
        CliRun up = cli("cp", "-r", src.toString(), "cp1:/home/agentos/in");
        assertThat(up.exitCode()).as(up.stderr()).isZero();
        assertThat(cli("cat", "cp1:/home/agentos/in/proj/lib/b.txt").stdout()).isEqualTo("beta\n");
        assertThat(cli("ls", "cp1:/home/agentos/in/proj").stdout()).isEqualTo("a.txt\nlib\n");

        Path back = tmp.resolve("back");
        CliRun down = cli("cp", "-r", "cp1:/home/agentos/in/proj", back.toString());
        assertThat(down.exitCode()).as(down.stderr()).isZero();
        assertThat(Files.readString(back.resolve("a.txt"))).isEqualTo("alpha\n");
        assertThat(Files.readString(back.resolve("lib/b.txt"))).isEqualTo("beta\n");
        assertThat(Files.readAllBytes(back.resolve("lib/deep/c.bin"))).containsExactly(0, 1, 2, 255);
    }

    @Test void cpCopiesASingleFileIntoAndOutOfTheVm(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("note.txt");
        Files.writeString(f, "note\n");
        assertThat(cli("cp", f.toString(), "cp2:/tmp/").exitCode()).isZero();
        assertThat(cli("cat", "cp2:/tmp/note.txt").stdout()).isEqualTo("note\n");
        Path out = tmp.resolve("copy.txt");
        assertThat(cli("cp", "cp2:/tmp/note.txt", out.toString()).exitCode()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("note\n");
    }

    @Test void cpOfADirectoryWithoutDashRIsRefused(@TempDir Path tmp) {
        CliRun r = cli("cp", tmp.toString(), "cp3:/tmp/");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("-r not specified");
    }

    @Test void mkdirLsRmAndErrorsNameThePath() {
        assertThat(cli("mkdir", "-p", "f1:/home/agentos/x/y").exitCode()).isZero();
        assertThat(cli("ls", "-l", "f1:/home/agentos/x").stdout()).matches("d +\\d+ y\n");
        assertThat(cli("rm", "-r", "f1:/home/agentos/x").exitCode()).isZero();
        CliRun missing = cli("ls", "f1:/home/agentos/x");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr()).startsWith("agentos: ENOENT").contains("/home/agentos/x");
    }

    @Test void psListsAndKillEndsAProcess() {
        var vm = dev.agentos.client.AgentOsClient.create(endpoint).actor("vm").getOrCreate("p1");
        int pid = vm.spawn("sleep", java.util.List.of("1000"));
        CliRun ps = cli("ps", "p1");
        assertThat(ps.stdout()).startsWith("    PID").containsPattern("(?m)^ +" + pid + " .* sleep 1000$");
        assertThat(cli("kill", "-s", "KILL", "p1", String.valueOf(pid)).exitCode()).isZero();
        assertThat(vm.waitProcess(pid)).isEqualTo(137);
    }

    @Test void previewPrintsAUrlOfTheServer() {
        CliRun r = cli("preview", "pv", "3000", "--ttl", "60");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).startsWith(endpoint + "/gateway/").contains("/request/fetch/").endsWith("/\n");
    }

    @Test void tokenFlagAuthenticatesAndItsAbsenceIsRefused() {
        try (Registry guarded = Registry.create(ServerConfig.DEFAULT.withPort(0).withAdminToken("s3cret")).start()) {
            String url = "http://127.0.0.1:" + guarded.port();
            CliRun ok = CliRun.of("exec", "--endpoint", url, "--token", "s3cret", "t1", "--", "echo", "in");
            assertThat(ok.stdout()).as(ok.toString()).isEqualTo("in\n");
            CliRun refused = CliRun.of("ls", "--endpoint", url, "t1:/");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.stderr()).startsWith("agentos: ").containsIgnoringCase("token");
        }
    }
}
