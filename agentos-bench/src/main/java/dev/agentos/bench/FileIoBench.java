package dev.agentos.bench;

import dev.agentos.AgentOs;
import java.util.SplittableRandom;
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

/** JMH: writeFile and readFile of a 1 MiB file in one VM. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FileIoBench {

    private static final String PATH = "/home/agentos/bench.bin";

    private AgentOs vm;
    private byte[] data;

    @Setup(Level.Trial)
    public void boot() {
        vm = AgentOs.create();
        data = new byte[1 << 20];
        new SplittableRandom(1).nextBytes(data);
        vm.writeFile(PATH, data);
    }

    @TearDown(Level.Trial)
    public void shutdown() {
        vm.close();
    }

    @Benchmark
    public void writeFile1MiB() {
        vm.writeFile(PATH, data);
    }

    @Benchmark
    public byte[] readFile1MiB() {
        return vm.readFile(PATH);
    }
}
