package dev.agentos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the real {@code ./agentos} script from the repository root against the jar this build just
 * packaged (failsafe, {@code integration-test} phase of {@code ./mvnw verify}); skipped when there is
 * no fresh jar to run.
 */
class LauncherScriptIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Result(int exitCode, String stdout, String stderr) {}

    private static Result launch(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("./agentos"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().put("AGENTOS_NO_BUILD", "1"); // never start a Maven build from inside a test
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path out = Files.createTempFile("agentos-out", ".txt");
        Path err = Files.createTempFile("agentos-err", ".txt");
        try {
            Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("./agentos finished").isTrue();
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void assumeLauncherRunnable() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(ROOT.resolve("agentos")), "no ./agentos script");
        assumeTrue(Files.isRegularFile(ROOT.resolve("agentos-cli/target/agentos-cli.jar")), "agentos-cli.jar not built yet");
        Result probe = launch("--version");
        assumeTrue(!probe.stderr().contains("missing or stale"), "agentos-cli.jar is older than the sources");
    }

    @Test
    void launcherPrintsTheVersion() throws Exception {
        assumeLauncherRunnable();
        Result r = launch("--version");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).startsWith("agentos ");
    }

    @Test
    void launcherRunsACommandInAVm() throws Exception {
        assumeLauncherRunnable();
        Result r = launch("run", "--", "echo", "hello", "from", "the", "vm");
        assertThat(r.stdout()).isEqualTo("hello from the vm\n");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
    }

    @Test
    void launcherPassesTheExitCodeThrough() throws Exception {
        assumeLauncherRunnable();
        Result r = launch("run", "--", "no-such-program", "x");
        assertThat(r.exitCode()).isEqualTo(127);
        assertThat(r.stderr()).startsWith("agentos: ");
    }
}
