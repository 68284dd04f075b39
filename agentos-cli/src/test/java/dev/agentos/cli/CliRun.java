package dev.agentos.cli;

import dev.agentos.AgentOs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of the {@code agentos} command line with captured terminal streams. */
record CliRun(int exitCode, String stdout, String stderr) {

    static CliRun of(String... args) {
        return withStdin("", args);
    }

    static CliRun withStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = AgentOsCli.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e)
                    .execute(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Whether a fresh VM has a program installed; tests of commands that have not landed yet skip. */
    static boolean vmHas(String path) {
        AgentOs vm = AgentOs.create();
        try {
            return vm.exists(path);
        } finally {
            vm.close();
        }
    }
}
