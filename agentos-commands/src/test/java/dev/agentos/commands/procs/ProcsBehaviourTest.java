package dev.agentos.commands.procs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.commands.CommandDiff;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Kernel;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.io.Pipe;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.GuestProcess;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.vfs.Caller;
import dev.agentos.kernel.vfs.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The process commands inside one VM: finding, signalling and timing processes, memory, watch. */
class ProcsBehaviourTest {
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/agentos", "TZ", "UTC");
    private static final String BUSY = "BEGIN { for (i = 0; i < 3000000; i++) s += i; print s > \"/dev/null\" }";

    private final CommandDiff diff = new CommandDiff();
    private final Kernel kernel = diff.kernel();

    @AfterEach void close() { diff.close(); }

    /** A process started from the host, its stdio on /dev/null. */
    private GuestProcess background(String... argv) {
        Caller c = new Caller(0, Credentials.AGENTOS, "/", 022);
        FileDescription in = kernel.vfs().open(c, "/dev/null", OpenFlags.O_RDWR, 0);
        in.retain();
        in.retain();
        return kernel.processes().spawn(SpawnRequest.of(argv[0], List.of(argv).subList(1, argv.length)).withEnv(ENV).withCwd("/"),
                Credentials.AGENTOS, Map.of(0, in, 1, in, 2, in));
    }

    private CommandDiff.Outcome run(String... argv) {
        return diff.vm("", List.of(argv));
    }

    @Test void pgrepFindsASleepingProcessByNameAndCommandLine() {
        GuestProcess sleeper = background("sleep", "100");
        String pid = Integer.toString(sleeper.pid());
        assertThat(run("pgrep", "-x", "sleep")).isEqualTo(new CommandDiff.Outcome(0, pid + "\n", ""));
        assertThat(run("pgrep", "-l", "sle").stdout()).isEqualTo(pid + " sleep\n");
        assertThat(run("pgrep", "-a", "-f", "sleep 100").stdout()).isEqualTo(pid + " sleep 100\n");
        assertThat(run("pgrep", "-n", "-u", "agentos", "sleep").stdout()).isEqualTo(pid + "\n");
        assertThat(run("pgrep", "-P", "1", "-c", "^sleep$").stdout()).isEqualTo("1\n");
        assertThat(run("pgrep", "-x", "slee").exitCode()).isEqualTo(1);
        sleeper.signal(Signal.SIGKILL);
    }

    @Test void pkillTerminatesTheProcessWhichThenReports143() throws Exception {
        GuestProcess sleeper = background("sleep", "100");
        CommandDiff.Outcome o = run("pkill", "-e", "-x", "sleep");
        assertThat(o).isEqualTo(new CommandDiff.Outcome(0, "sleep killed (pid " + sleeper.pid() + ")\n", ""));
        ExitStatus status = sleeper.onExit().get(20, TimeUnit.SECONDS);
        assertThat(status).isEqualTo(new ExitStatus.Signaled(Signal.SIGTERM));
        assertThat(status.shellStatus()).isEqualTo(143);
        assertThat(run("pkill", "-x", "sleep").exitCode()).isEqualTo(1);
    }

    @Test void pkillSendsTheNamedSignal() throws Exception {
        GuestProcess sleeper = background("sleep", "100");
        assertThat(run("pkill", "-KILL", "-f", "^sleep 100$").exitCode()).isZero();
        assertThat(sleeper.onExit().get(20, TimeUnit.SECONDS).shellStatus()).isEqualTo(137);
    }

    @Test void killallSignalsEveryProcessOfThatNameAndWaits() throws Exception {
        GuestProcess a = background("sleep", "100");
        GuestProcess b = background("sleep", "200");
        CommandDiff.Outcome o = run("killall", "-w", "-v", "-s", "KILL", "sleep");
        assertThat(o.exitCode()).isZero();
        assertThat(o.stderr()).contains("Killed sleep(" + a.pid() + ") with signal 9", "Killed sleep(" + b.pid() + ") with signal 9");
        assertThat(a.isAlive()).isFalse(); // -w returned only after both were gone
        assertThat(b.isAlive()).isFalse();
        assertThat(a.onExit().get(20, TimeUnit.SECONDS)).isEqualTo(new ExitStatus.Signaled(Signal.SIGKILL));
        assertThat(run("killall", "sleep")).isEqualTo(new CommandDiff.Outcome(1, "", "sleep: no process found\n"));
    }

    @Test void timeOfABusyLoopReportsUserTimeAndOfASleepAlmostNone() {
        CommandDiff.Outcome busy = run("time", "-f", "%U %S %e %x", "awk", BUSY);
        String[] f = busy.stderr().trim().split(" ");
        assertThat(Double.parseDouble(f[0])).as(busy.stderr()).isGreaterThan(0.0);
        assertThat(f[1]).isEqualTo("0.00");
        assertThat(Double.parseDouble(f[0])).isLessThanOrEqualTo(Double.parseDouble(f[2]) + 0.01);
        assertThat(f[3]).isEqualTo("0");

        CommandDiff.Outcome idle = run("time", "-p", "sleep", "0.5");
        Matcher m = Pattern.compile("real (\\d+\\.\\d+)\nuser (\\d+\\.\\d+)\nsys 0\\.00\n").matcher(idle.stderr());
        assertThat(m.matches()).as(idle.stderr()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isGreaterThanOrEqualTo(0.5);
        assertThat(Double.parseDouble(m.group(2))).isLessThan(0.25); // asleep, not runnable
    }

    @Test void timeReportsAKilledCommand() {
        CommandDiff.Outcome o = run("time", "-f", "%x", "timeout", "-s", "KILL", "0.1", "sleep", "10");
        assertThat(o.exitCode()).isEqualTo(137);
        assertThat(o.stderr()).isEqualTo("Command terminated by signal 9\n0\n");
    }

    @Test void niceIsInheritedAndShownInProcStatAndPs() {
        assertThat(run("nice", "-n", "7", "nice").stdout()).isEqualTo("7\n");
        String stat = run("nice", "-n", "7", "cat", "/proc/self/stat").stdout();
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        assertThat(fields[16]).isEqualTo("7"); // field 19: nice
        assertThat(fields[15]).isEqualTo("27"); // field 18: priority
        GuestProcess sleeper = background("nice", "-n", "4", "sleep", "100");
        String ps = run("ps", "-e", "-o", "ni=,comm=").stdout();
        assertThat(ps).contains("  4 sleep");
        sleeper.signal(Signal.SIGKILL);
        assertThat(run("nice", "-n", "-5", "nice")).isEqualTo(new CommandDiff.Outcome(0, "10\n".replace("10", "0"),
                "nice: cannot set niceness: Permission denied\n"));
    }

    @Test void psShowsTheCpuTimeOfABusyProcess() throws Exception {
        GuestProcess busy = background("awk", "BEGIN { while (1) s++ }");
        String line;
        do {
            line = run("ps", "-o", "bsdtime=,pcpu=", "-p", Integer.toString(busy.pid())).stdout().trim();
        } while (line.startsWith("0:00") && busy.isAlive() && line.endsWith(" 0.0"));
        assertThat(line).doesNotEndWith(" 0.0");
        String top = run("top", "-b", "-n", "2", "-d", "0.2", "-p", Integer.toString(busy.pid())).stdout();
        String lastRow = top.strip().lines().reduce((x, y) -> y).orElseThrow();
        assertThat(lastRow).contains(" awk").doesNotContain(" 0.0   0.0 ");
        busy.signal(Signal.SIGKILL);
        busy.onExit().get(20, TimeUnit.SECONDS);
    }

    @Test void freeAgreesWithProcMeminfo() {
        String meminfo = run("cat", "/proc/meminfo").stdout();
        Matcher m = Pattern.compile("MemTotal:\\s+(\\d+) kB").matcher(meminfo);
        assertThat(m.find()).isTrue();
        long total = Long.parseLong(m.group(1));
        String[] mem = run("free").stdout().lines().filter(l -> l.startsWith("Mem:")).findFirst().orElseThrow().split("\\s+");
        assertThat(Long.parseLong(mem[1])).isEqualTo(total);
        assertThat(Long.parseLong(mem[2]) + Long.parseLong(mem[3]) + Long.parseLong(mem[5])).isEqualTo(total);
        String bytes = run("free", "-b", "-t").stdout();
        assertThat(bytes).contains(Long.toString(total * 1024)).contains("Swap:              0           0           0\nTotal:");
        assertThat(run("free", "-m").stdout()).contains(String.format("%11d", total / 1024));
    }

    @Test void topBatchHasTheProcpsHeaderAndTaskTable() {
        GuestProcess sleeper = background("sleep", "100");
        String out = run("top", "-b", "-n", "1").stdout();
        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).matches("top - \\d\\d:\\d\\d:\\d\\d up +\\d+ min,  0 user,  load average: \\d\\.\\d\\d, \\d\\.\\d\\d, \\d\\.\\d\\d");
        assertThat(lines.get(1)).matches("Tasks: +\\d+ total, +\\d+ running, +\\d+ sleeping, +0 stopped, +0 zombie");
        assertThat(lines.get(2)).matches("%Cpu\\(s\\): *\\d+\\.\\d us, +0\\.0 sy, +\\d+\\.\\d ni, +\\d+\\.\\d id, +0\\.0 wa, +0\\.0 hi, +0\\.0 si, +0\\.0 st ");
        assertThat(lines.get(3)).matches("MiB Mem : +\\d+\\.\\d total, +\\d+\\.\\d free, +\\d+\\.\\d used, +\\d+\\.\\d buff/cache     ");
        assertThat(lines.get(4)).matches("MiB Swap: +0\\.0 total, +0\\.0 free, +0\\.0 used\\. +\\d+\\.\\d avail Mem ");
        assertThat(lines.get(5)).isEmpty();
        assertThat(lines.get(6)).isEqualTo("  PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND");
        assertThat(out).containsPattern(String.format("\n%5d agentos   20   0       0      0      0 S  +\\d+\\.\\d   0\\.0   0:00\\.\\d\\d sleep\n", sleeper.pid()));
        assertThat(run("top", "-n", "1")).isEqualTo(new CommandDiff.Outcome(1, "", "top: failed tty get\n"));
        sleeper.signal(Signal.SIGKILL);
    }

    /** A command whose stdout is a pipe the test reads as it goes. */
    private record Running(GuestProcess process, Screen out) {}

    private Running start(String... argv) {
        Pipe out = kernel.pipes().create();
        Caller c = new Caller(0, Credentials.AGENTOS, "/", 022);
        FileDescription in = kernel.vfs().open(c, "/dev/null", OpenFlags.O_RDONLY, 0);
        FileDescription w = out.writeEnd();
        w.retain();
        GuestProcess p = kernel.processes().spawn(SpawnRequest.of(argv[0], List.of(argv).subList(1, argv.length)).withEnv(ENV)
                .withCwd(CommandDiff.VM_DIR), Credentials.AGENTOS, Map.of(0, in, 1, w, 2, w));
        return new Running(p, new Screen(out.readEnd()));
    }

    @Test void watchExitsWhenTheOutputChanges() throws Exception {
        diff.file("state", "first\n");
        Running watch = start("watch", "-x", "-g", "-n", "0.1", "cat", "state");
        int at = watch.out().await("Every 0.1s: cat state", 0);
        watch.out().await("first", at);
        diff.file("state", "second\n");
        ExitStatus status = watch.process().onExit().get(20, TimeUnit.SECONDS);
        assertThat(status).isEqualTo(new ExitStatus.Exited(0));
        String screen = watch.out().awaitEnd();
        assertThat(screen).contains("second").contains("agentos: ");
    }

    @Test void watchWithErrexitStopsOnAFailingCommandWithStatus8() throws Exception {
        Running watch = start("watch", "-x", "-e", "-t", "false");
        assertThat(watch.process().onExit().get(20, TimeUnit.SECONDS)).isEqualTo(new ExitStatus.Exited(8));
        assertThat(watch.out().awaitEnd()).contains("command exit with a non-zero status").doesNotContain("Every");
    }

    @Test void watchEndsOnSigintWithStatusZero() throws Exception {
        Running watch = start("watch", "-x", "-n", "60", "echo", "tick");
        watch.out().await("tick", 0);
        watch.process().signal(Signal.SIGINT);
        assertThat(watch.process().onExit().get(20, TimeUnit.SECONDS)).isEqualTo(new ExitStatus.Exited(0));
    }
}
