package dev.agentos.commands.probe;

import dev.agentos.commands.CommandDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test void probe() throws Exception {
        try (CommandDiff d = new CommandDiff()) {
            d.dir("tree").dir("tree/sub").file("tree/a.txt", "hello\n").file("tree/sub/b.txt", "bb\n").file("n1", "1\n3\n5\n").file("n2", "2\n4\n6\n");
            for (String line : Files.readAllLines(Path.of("/tmp/probe.txt"))) {
                if (line.isBlank()) continue;
                List<String> argv = List.of(line.split(" "));
                CommandDiff.Outcome vm = d.vm("", argv), host = d.host("", argv);
                System.out.println((vm.equals(host) ? "SAME  " : "DIFF  ") + line);
                if (!vm.equals(host)) System.out.println("  vm:   " + vm + "\n  host: " + host);
            }
        }
    }
}
