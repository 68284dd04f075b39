package dev.agentos.bench;

import dev.agentos.AgentOs;
import dev.agentos.ExecResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** JMH: execArgv("true") in a running VM: spawn, run, wait and collect output. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExecBench {

    private AgentOs vm;

    @Setup(Level.Trial)
    public void boot() {
        vm = AgentOs.create();
    }

    @TearDown(Level.Trial)
    public void shutdown() {
        vm.close();
    }

    @Benchmark
    public ExecResult execTrue() {
        return vm.execArgv("true", List.of());
    }
}
