package dev.agentos.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.server.Registry;
import dev.agentos.server.ServerConfig;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Measures action round trips over loopback and prints p50/p99 (a smoke number, not a benchmark). */
class RoundTripLatencyTest {
    @Test void execArgvTrueAndReadFile1KiBRoundTrips() {
        try (Registry server = Registry.create(ServerConfig.DEFAULT.withPort(0)).start()) {
            AgentOsHandle vm = AgentOsClient.create("http://127.0.0.1:" + server.port()).actor("vm").getOrCreate("bench");
            vm.writeFile("/tmp/1k", new byte[1024]);
            for (int i = 0; i < 200; i++) { vm.execArgv("true", List.of()); vm.readFile("/tmp/1k"); }
            long[] exec = new long[500];
            long[] read = new long[500];
            for (int i = 0; i < exec.length; i++) {
                long t = System.nanoTime();
                assertThat(vm.execArgv("true", List.of()).exitCode()).isZero();
                exec[i] = System.nanoTime() - t;
                t = System.nanoTime();
                assertThat(vm.readFile("/tmp/1k")).hasSize(1024);
                read[i] = System.nanoTime() - t;
            }
            System.out.printf("round trip execArgv(true): %s; readFile(1 KiB): %s%n", pct(exec), pct(read));
        }
    }

    private static String pct(long[] ns) {
        Arrays.sort(ns);
        return String.format("p50 %.0f us, p99 %.0f us", ns[ns.length / 2] / 1e3, ns[(int) (ns.length * 0.99)] / 1e3);
    }
}
