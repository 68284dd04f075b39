package dev.agentos.kernel.proc;

import dev.agentos.kernel.Signal;
import java.util.concurrent.CompletableFuture;

/** A host-side handle on a guest process: its pid, its end, a way to signal it. */
public final class GuestProcess {
    private final KernelProcess process;
    private final ProcessTable table;

    GuestProcess(KernelProcess process, ProcessTable table) {
        this.process = process;
        this.table = table;
    }

    public int pid() { return process.pid; }

    /** Completes when the process ends (by exit or signal); never completes exceptionally. */
    public CompletableFuture<ExitStatus> onExit() { return process.exit; }

    public boolean isAlive() { return !process.exited(); }

    public ProcessInfo info() { return Processes.info(process); }

    public void signal(Signal signal) { table.deliver(process, signal); }
}
