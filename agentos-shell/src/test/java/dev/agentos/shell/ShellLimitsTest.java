package dev.agentos.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Things the differential suite cannot compare: runaway recursion, killable loops, big outputs. */
class ShellLimitsTest {
    private final ShellVm vm = new ShellVm();

    @AfterEach void close() { vm.close(); }

    @Test void ulimitReportsTheVmsLimitsAndRefusesToChangeThem() {
        try (ShellVm limited = new ShellVm(dev.agentos.kernel.limit.Limits.DEFAULT.withMaxOpenFiles(64).withMaxProcesses(32))) {
            ShellVm.Result r = limited.bash("ulimit -n; ulimit -u; ulimit; ulimit -n 64; echo same $?; ulimit -n 100; echo $?");
            assertThat(r.stdout()).isEqualTo("64\n32\nunlimited\nsame 0\n1\n");
            assertThat(r.stderr()).isEqualTo("bash: line 1: ulimit: open files: cannot modify limit: Operation not permitted\n");
        }
    }

    @Test void deepRecursionReportsAnErrorInsteadOfCrashing() {
        ShellVm.Result r = vm.bash("f() { f; }; f; echo after $?");
        assertThat(r.stderr()).contains("maximum function nesting level exceeded");
        assertThat(r.status()).isIn(0, 1, 2);
    }

    @Test void recursionTenThousandDeepEitherWorksOrFailsCleanly() {
        ShellVm.Result r = vm.bash("f() { if [ $1 -lt 10000 ]; then f $(($1+1)); else echo bottom; fi; }; f 0");
        if (r.status() == 0) assertThat(r.stdout()).isEqualTo("bottom\n");
        else assertThat(r.stderr()).contains("maximum function nesting level exceeded");
    }

    @Test void funcnestLimitsDepth() {
        ShellVm.Result r = vm.bash("FUNCNEST=5; f() { f; }; f; echo $?");
        assertThat(r.stderr()).contains("f: maximum function nesting level exceeded (5)");
    }

    @Test void largeOutputThroughCommandSubstitutionAndPipes() {
        ShellVm.Result r = vm.bash("x=$(for i in {1..20000}; do echo line$i; done); echo ${#x}; "
                + "for i in {1..20000}; do echo $i; done | cat | { n=0; while read l; do n=$((n+1)); done; echo $n; }");
        assertThat(r.stdout()).as(r.toString()).isEqualTo("188893\n20000\n");
    }

    @Test void bigHereDocumentDoesNotDeadlock() {
        String body = "x".repeat(200_000);
        ShellVm.Result r = vm.bash("cat <<EOF | { read l; echo ${#l}; }\n" + body + "\nEOF");
        assertThat(r.stdout()).isEqualTo("200000\n");
    }

    @Test void sleepInBackgroundAndWait() {
        long t0 = System.nanoTime();
        ShellVm.Result r = vm.bash("sleep 1 & wait; echo done");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.stdout()).isEqualTo("done\n");
        assertThat(ms).isBetween(900L, 5000L);
    }

    @Test void printfAndTestAreStandalonePrograms() {
        ShellVm.Result r = vm.bash("/usr/bin/printf '%05.1f|%s\\n' 3.14159 x; /usr/bin/test 2 -gt 1 && echo yes; /usr/bin/[ a = b ] || echo no; "
                + "/usr/bin/printf '%d\\n' zz; echo $?");
        assertThat(r.stdout()).isEqualTo("003.1|x\nyes\nno\n0\n1\n");
        assertThat(r.stderr()).isEqualTo("printf: zz: invalid number\n");
    }

    @Test void shInvokedAsShUsesShPrefix() {
        ShellVm.Result r = vm.run(dev.agentos.kernel.proc.SpawnRequest.of("sh", java.util.List.of("-c", "nosuch"))
                .withCwd(ShellVm.DIR), "");
        assertThat(r.stderr()).isEqualTo("sh: line 1: nosuch: command not found\n");
        assertThat(r.status()).isEqualTo(127);
    }

    @Test void scriptOnStdinLeavesTheRestOfStdinToItsCommands() {
        ShellVm.Result r = vm.run(dev.agentos.kernel.proc.SpawnRequest.of("bash", java.util.List.of()).withCwd(ShellVm.DIR),
                "read line\nhello data\necho got $line\nif true; then\n  echo multi\nfi\ncat <<EOF\nheredoc\nEOF\nnosuch\n");
        assertThat(r.stdout()).isEqualTo("got hello data\nmulti\nheredoc\n");
        assertThat(r.stderr()).isEqualTo("bash: line 9: nosuch: command not found\n");
    }

    @Test void scriptFileErrorsNameTheScript() {
        ShellVm.Result r = vm.bash("printf 'echo a\\nnosuch\\n' > s.sh; bash s.sh");
        assertThat(r.stderr()).isEqualTo("s.sh: line 2: nosuch: command not found\n");
    }
}
