package dev.agentos.bench;

import dev.agentos.AgentOs;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap per idle VM: used heap after a settled GC, before and after creating many VMs that stay
 * referenced. Counts what a VM costs while it waits for work (the shared base image is not per VM).
 */
final class IdleMemoryScenario implements Scenario {

    static final long TARGET_BYTES = 100 * BenchConfig.KIB;

    @Override
    public String name() { return "idle-memory"; }

    @Override
    public String description() { return "heap per idle VM with many VMs alive"; }

    @Override
    public List<Row> run(BenchConfig config, Progress progress) throws Exception {
        // Boot one VM first so class loading and the shared base image are not counted per VM.
        AgentOs.create().close();
        int count = config.idleVms();
        List<AgentOs> vms = new ArrayList<>(count);
        long before = settledUsedHeap();
        try {
            for (int i = 0; i < count; i++) {
                vms.add(AgentOs.create());
                progress.step("create", i + 1, count);
            }
            long after = settledUsedHeap();
            double perVm = (after - before) / (double) count;
            return List.of(Row.measured("heap per idle VM (" + count + " alive)", count,
                    Stats.bytes(Math.max(0, perVm)), "<= " + Stats.bytes(TARGET_BYTES), perVm <= TARGET_BYTES));
        } catch (OutOfMemoryError e) {
            int alive = vms.size();
            vms.clear();
            return List.of(Row.failed("heap per idle VM", "out of memory after " + alive + " VMs; raise -Xmx"));
        } finally {
            for (int i = 0; i < vms.size(); i++) {
                vms.get(i).close();
                progress.step("close", i + 1, vms.size());
            }
            vms.clear();
        }
    }

    /** Used heap once full collections stop freeing memory. */
    static long settledUsedHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(50);
            long now = memory.getHeapMemoryUsage().getUsed();
            if (i >= 2 && Math.abs(used - now) < 64 * BenchConfig.KIB) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
