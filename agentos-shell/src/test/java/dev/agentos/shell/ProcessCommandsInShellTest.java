package dev.agentos.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** pgrep, pkill, killall, time, nice and watch driven by bash inside the VM, with job statuses from wait. */
class ProcessCommandsInShellTest {
    private final ShellVm vm = new ShellVm();

    @AfterEach void close() { vm.close(); }

    @Test void pkillEndsABackgroundJobAndWaitReports143() {
        ShellVm.Result r = vm.bash("sleep 100 & pgrep -x sleep >/dev/null && echo found; pkill -x sleep; wait $!; echo $?");
        assertThat(r.stdout()).isEqualTo("found\n143\n");
    }

    @Test void killallWithSigkillGives137() {
        ShellVm.Result r = vm.bash("sleep 100 & sleep 200 & killall -s KILL sleep; wait $!; echo $?; wait; pgrep sleep; echo $?");
        assertThat(r.stdout()).isEqualTo("137\n1\n");
    }

    @Test void timeMeasuresAShellBusyLoop() {
        // long enough to show in %U's hundredths now that `[` is fast (2,000 rounds took under 5 ms)
        ShellVm.Result r = vm.bash("/usr/bin/time -f '%U %x' bash -c 'i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done'");
        String[] f = r.stderr().trim().split(" ");
        assertThat(Double.parseDouble(f[0])).as(r.stderr()).isGreaterThan(0.0);
        assertThat(f[1]).isEqualTo("0");
    }

    @Test void theTimeKeywordReportsUserTimeOfTheShellAndItsChildren() {
        ShellVm.Result r = vm.bash("time { i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; }");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\nreal\t0m(\\d+\\.\\d{3})s\nuser\t0m(\\d+\\.\\d{3})s\nsys\t0m0\\.000s\n")
                .matcher(r.stderr());
        assertThat(m.matches()).as(r.stderr()).isTrue();
        assertThat(Double.parseDouble(m.group(2))).isGreaterThan(0.0).isLessThanOrEqualTo(Double.parseDouble(m.group(1)) + 0.001);
    }

    @Test void niceAppliesToTheWholeCommand() {
        assertThat(vm.bash("nice -n 3 bash -c 'nice; ps -o ni= -p $$'").stdout()).isEqualTo("3\n  3\n");
    }

    @Test void watchRunsItsCommandThroughShAndStopsOnError() {
        ShellVm.Result r = vm.bash("watch -t -e -n 0.1 'echo hi; exit 3' > out; echo $?; grep -c hi out");
        assertThat(r.stdout()).isEqualTo("8\n1\n");
    }
}
