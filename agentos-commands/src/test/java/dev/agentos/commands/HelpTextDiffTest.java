package dev.agentos.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --help} prints what the host's GNU tool prints, with the same status. */
class HelpTextDiffTest {
    @ParameterizedTest
    @ValueSource(strings = {"basename", "cat", "chmod", "chown", "column", "comm", "cp", "csplit", "cut", "date", "dd", "df",
        "dirname", "du", "env", "expand", "file", "find", "fmt", "fold", "grep", "groups", "head", "id", "install", "join", "ln",
        "ls", "mkdir", "mkfifo", "mktemp", "mv", "nl", "nohup", "nproc", "numfmt", "od", "paste", "printenv", "pwd", "readlink",
        "realpath", "rev", "rm", "rmdir", "sed", "seq", "shuf", "sleep", "sort", "split", "stat", "strings", "stty", "sync",
        "tac", "tail", "tee", "timeout", "touch", "tr", "tree", "truncate", "tty", "uname", "unexpand", "uniq", "wc", "whoami",
        "xargs", "yes"})
    void helpMatchesTheHostTool(String command) {
        org.junit.jupiter.api.Assumptions.assumeTrue(CommandDiff.hostHas(command), "no " + command + " on this host");
        try (CommandDiff diff = new CommandDiff()) {
            CommandDiff.Outcome vm = diff.vm("", List.of(command, "--help"));
            CommandDiff.Outcome host = diff.host("", List.of(command, "--help"));
            assertThat(vm).isEqualTo(host);
        }
    }
}
