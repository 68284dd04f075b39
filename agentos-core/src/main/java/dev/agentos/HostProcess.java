package dev.agentos;

import dev.agentos.kernel.Errno;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.proc.GuestProcess;
import dev.agentos.kernel.proc.ProcessInfo;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A process started through the API: its stdin pipe, its two output pumps, and its result. The result
 * completes after the process ended and everything it wrote was delivered, so output events always
 * precede the exit event.
 */
final class HostProcess {
    private final GuestProcess process;
    private final FileDescription stdin;
    private final OutputPump stdout;
    private final OutputPump stderr;
    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    private final AtomicLong seq = new AtomicLong();
    private volatile ProcessInfo lastInfo;
    private final java.util.concurrent.atomic.AtomicBoolean stdinClosed = new java.util.concurrent.atomic.AtomicBoolean();

    HostProcess(GuestProcess process, FileDescription stdin, OutputPump stdout, OutputPump stderr) {
        this.process = process;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    int pid() { return process.pid(); }

    GuestProcess guest() { return process; }

    long nextSeq() { return seq.incrementAndGet(); }

    /** Starts the pumps and arranges the result; {@code onDone} runs once with the exit code. */
    void start(java.util.function.IntConsumer onDone) {
        stdout.start("vm-out-" + pid());
        stderr.start("vm-err-" + pid());
        process.onExit().thenAccept(status -> {
            lastInfo = process.info();
            stdout.drainNow();
            stderr.drainNow();
            int code = status.shellStatus();
            closeStdin();
            onDone.accept(code);
            done.complete(code);
        });
    }

    CompletableFuture<Integer> done() { return done; }

    ProcessInfo info() {
        ProcessInfo last = lastInfo;
        return last != null ? last : process.info();
    }


    void writeStdin(byte[] data) {
        if (stdinClosed.get()) throw AgentOsException.errnoDetail(Errno.EPIPE, "write stdin of process " + pid() + " (stdin closed)");
        int off = 0;
        while (off < data.length) off += stdin.write(data, off, data.length - off);
    }

    void closeStdin() {
        if (stdinClosed.compareAndSet(false, true)) stdin.close();
    }
}
