package dev.agentos.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs each script of {@code cases.txt} in the VM's bash and in the host's /bin/bash and compares stdout,
 * stderr and exit status. A case is "### name" then the script; "### name !known: reason" marks a case
 * where the VM differs on purpose: it runs, but only the VM half, checking that it does not hang.
 */
class DifferentialTest {
    record Case(String name, String script, String known) {}

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = DifferentialTest.class.getResourceAsStream("cases.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String name = null, known = null;
            StringBuilder script = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                if (line.startsWith("### ")) {
                    if (name != null) out.add(new Case(name, strip(script), known));
                    name = line.substring(4).strip();
                    known = null;
                    int k = name.indexOf(" !known:");
                    if (k >= 0) { known = name.substring(k + 8).strip(); name = name.substring(0, k).strip(); }
                    script.setLength(0);
                } else if (name != null) {
                    script.append(line).append('\n');
                }
            }
            if (name != null) out.add(new Case(name, strip(script), known));
        }
        return out;
    }

    private static String strip(StringBuilder s) {
        String t = s.toString();
        while (t.endsWith("\n")) t = t.substring(0, t.length() - 1);
        return t;
    }

    @TestFactory
    Stream<DynamicTest> vmBashBehavesLikeHostBash() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    static void check(Case c) {
        ShellVm.Result vm;
        try (ShellVm v = new ShellVm()) {
            vm = v.bash(c.script());
        }
        if (c.known() != null) {
            Assumptions.abort("known difference: " + c.known());
        }
        Assumptions.assumeTrue(HostBash.available(), "no host bash");
        ShellVm.Result host = HostBash.run(c.script());
        assertThat(vm).as("script:\n%s", c.script()).isEqualTo(host);
    }
}
