package dev.agentos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many VMs at once in one JVM, each isolated and working. */
class ManyVmsTest {
    @Test void aThousandVmsRunAtOnce() throws Exception {
        int n = 1000;
        List<Callable<String>> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            jobs.add(() -> {
                try (AgentOs vm = AgentOs.create()) {
                    vm.writeFile("/tmp/id", Integer.toString(id));
                    return vm.execArgv("cat", List.of("/tmp/id")).stdout();
                }
            });
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> results = pool.invokeAll(jobs);
            for (int i = 0; i < n; i++) assertThat(results.get(i).get()).isEqualTo(Integer.toString(i));
        }
    }
}
