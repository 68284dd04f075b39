package dev.agentos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Commands that hand work to /bin/sh (sed's e, awk's pipes and system()), in a whole VM where the shell
 * exists; the commands module's own VM has no shell. Expected outputs are GNU sed 4.9's and gawk 5.2's.
 */
class CommandsThroughTheShellTest {
    private final AgentOs vm = AgentOs.create();

    @AfterEach void close() { vm.close(); }

    @Test void sedRunsThePatternSpaceOrACommandThroughTheShell() {
        assertThat(vm.exec("echo 'echo hi' | sed e").stdout()).isEqualTo("hi\n");
        assertThat(vm.exec("echo x | sed '1e echo first'").stdout()).isEqualTo("first\nx\n");
        assertThat(vm.exec("echo abc | sed 's/.*/echo &&/e'").stdout()).isEqualTo("abcabc\n");
        assertThat(vm.exec("printf 'a\\nb\\n' | sed '2e printf no-newline'").stdout()).isEqualTo("a\nno-newlineb\n");
    }

    @Test void awkPipesAndSystemGoThroughTheShell() {
        ExecResult r = vm.exec("awk 'BEGIN { \"echo piped\" | getline x; print x; system(\"echo from system\"); "
                + "print \"to sort\" | \"sort\"; close(\"sort\") }'");
        assertThat(r).isEqualTo(new ExecResult(0, "piped\nfrom system\nto sort\n", ""));
    }
}
