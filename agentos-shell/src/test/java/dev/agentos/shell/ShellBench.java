package dev.agentos.shell;

import dev.agentos.kernel.proc.SpawnRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The loop benchmark of issue #3: the same scripts in the VM's bash and the host's bash. Run with
 * {@code -Dgroups=bench} (excluded by default) or as a main on the test classpath.
 */
@Tag("bench")
class ShellBench {
    static final List<String> SCRIPTS = List.of(
            "i=0; while [ $i -lt 100000 ]; do x=$((x+i)); i=$((i+1)); done; echo $x",
            "for i in {1..100000}; do x=$((x+i)); done; echo $x",
            "for ((i=0; i<100000; i++)); do x=$((x+i)); done; echo $x");

    public static void main(String[] args) {
        new ShellBench().loops();
    }

    @Test
    void loops() {
        try (ShellVm vm = new ShellVm()) {
            for (String script : SCRIPTS) {
                // warm up the JIT, then take the best of three for each side (the machine is shared)
                run(vm, script);
                ShellVm.Result r = null, h = null;
                long vmMs = Long.MAX_VALUE, hostMs = Long.MAX_VALUE;
                for (int k = 0; k < 3; k++) {
                    long t0 = System.nanoTime();
                    r = run(vm, script);
                    vmMs = Math.min(vmMs, (System.nanoTime() - t0) / 1_000_000);
                    long t1 = System.nanoTime();
                    h = HostBash.available() ? HostBash.run(script) : null;
                    hostMs = Math.min(hostMs, (System.nanoTime() - t1) / 1_000_000);
                }
                System.out.printf("%-80s vm %6d ms  host %6d ms  ratio %.2f  (%s / %s)%n", script, vmMs, hostMs,
                        (double) vmMs / Math.max(1, hostMs), r.stdout().strip(), h == null ? "-" : h.stdout().strip());
            }
        }
    }

    private static ShellVm.Result run(ShellVm vm, String script) {
        return vm.run(SpawnRequest.of("bash", List.of("-c", script)).withEnv(Map.of("PATH", "/bin:/usr/bin")).withCwd(ShellVm.DIR), "");
    }
}
