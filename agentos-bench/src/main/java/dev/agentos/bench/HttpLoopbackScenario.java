package dev.agentos.bench;

import dev.agentos.AgentOs;
import dev.agentos.ExecResult;
import java.util.ArrayList;
import java.util.List;

/** curl against httpd inside one VM: download throughput over the VM loopback, and requests per second. */
final class HttpLoopbackScenario implements Scenario {
    static final int BIG = 64 * 1024 * 1024;
    static final int REQUESTS = 200;

    @Override
    public String name() { return "http"; }

    @Override
    public String description() { return "curl from httpd in one VM: 64 MiB download, and 200 small requests in one curl"; }

    @Override
    public List<Row> run(BenchConfig config, Progress progress) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (AgentOs vm = AgentOs.create()) {
            vm.mkdir("/home/agentos/srv", true);
            vm.writeFile("/home/agentos/srv/big.bin", new byte[BIG]);
            vm.writeFile("/home/agentos/srv/a.txt", "hello\n");
            check(vm.exec("httpd -p 8080 -h /home/agentos/srv"));
            int reps = 3;
            check(vm.exec("curl -s -o /dev/null localhost:8080/big.bin"));
            long start = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                check(vm.exec("curl -s -o /dev/null localhost:8080/big.bin"));
                progress.step("download", i + 1, reps);
            }
            rows.add(Row.info("curl 64 MiB from httpd", reps, Stats.throughput(Stats.mibPerSecond((long) BIG * reps, System.nanoTime() - start))));
            String urls = " localhost:8080/a.txt".repeat(REQUESTS);
            check(vm.exec("curl -s -o /dev/null" + urls));
            start = System.nanoTime();
            check(vm.exec("curl -s" + urls + " >/dev/null"));
            double seconds = (System.nanoTime() - start) / 1e9;
            rows.add(Row.info("curl small requests", REQUESTS, String.format(java.util.Locale.ROOT, "%.0f req/s", REQUESTS / seconds)));
        }
        return rows;
    }

    private static void check(ExecResult r) {
        if (r.exitCode() != 0) throw new IllegalStateException("exit " + r.exitCode() + ": " + r.stderr());
    }
}
