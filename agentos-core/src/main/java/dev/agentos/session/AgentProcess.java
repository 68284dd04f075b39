package dev.agentos.session;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Kernel;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.io.Pipe;
import dev.agentos.kernel.proc.GuestProcess;
import dev.agentos.kernel.proc.SpawnRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * An agent's guest process seen from the host: newline-delimited messages in both directions over its
 * stdin and stdout pipes, the tail of its stderr (for the error event if it dies), and its exit.
 * The reader never writes itself: its messages go through a queue and a writer thread, so it never
 * blocks on a full stdin pipe while the agent blocks on a full stdout pipe. Other threads (API calls)
 * write inline when nothing is queued, saving a thread hand-off per request.
 */
final class AgentProcess {
    private static final int STDERR_TAIL = 4096;
    private static final int MAX_LINE = 64 << 20;
    private static final byte[] STOP = new byte[0];

    private final GuestProcess guest;
    private final FileDescription stdin;
    private final LinkedBlockingQueue<byte[]> outbox = new LinkedBlockingQueue<>();
    private final StringBuilder stderrTail = new StringBuilder();
    private final CompletableFuture<Void> stdoutDone = new CompletableFuture<>();
    private final CompletableFuture<Integer> exited;
    private final java.util.concurrent.locks.ReentrantLock writeLock = new java.util.concurrent.locks.ReentrantLock();
    /** Messages queued and not yet written: while any is, every sender queues too (keeps the order). */
    private final java.util.concurrent.atomic.AtomicInteger queued = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean stdinClosed;
    private volatile Thread reader;

    private AgentProcess(GuestProcess guest, FileDescription stdin) {
        this.guest = guest;
        this.stdin = stdin;
        this.exited = guest.onExit().thenCombine(stdoutDone, (status, v) -> status.shellStatus());
    }

    /** Spawns {@code command args} as the VM's user; every complete stdout line goes to {@code onLine}. */
    static AgentProcess start(Kernel kernel, String command, List<String> args, Map<String, String> env, String cwd,
                              Consumer<String> onLine) {
        Pipe in = kernel.pipes().create();
        Pipe out = kernel.pipes().create();
        Pipe err = kernel.pipes().create();
        SpawnRequest request = SpawnRequest.of(command, args).withEnv(env).withCwd(cwd);
        GuestProcess guest;
        try {
            guest = kernel.processes().spawn(request, Credentials.AGENTOS,
                    Map.of(0, in.readEnd(), 1, out.writeEnd(), 2, err.writeEnd()));
        } catch (RuntimeException e) {
            in.writeEnd().close();
            out.readEnd().close();
            err.readEnd().close();
            throw e;
        }
        AgentProcess p = new AgentProcess(guest, in.writeEnd());
        // its stdin closes with it, so threads of the agent still reading it see EOF
        guest.onExit().thenRun(p::closeStdin);
        Thread.ofVirtual().name("acp-in-" + guest.pid()).start(() -> p.readLines(out.readEnd(), onLine));
        Thread.ofVirtual().name("acp-err-" + guest.pid()).start(() -> p.readStderr(err.readEnd()));
        Thread.ofVirtual().name("acp-out-" + guest.pid()).start(p::writeLoop);
        return p;
    }

    int pid() { return guest.pid(); }

    /** Completes with the exit status after the agent ended and every line it wrote was delivered. */
    CompletableFuture<Integer> exited() { return exited; }

    boolean alive() { return guest.isAlive(); }

    /** Queues one message; a newline is added. */
    void send(String json) {
        byte[] b = (json + "\n").getBytes(StandardCharsets.UTF_8);
        if (stdinClosed) return;
        // the reader never takes the lock: an inline writer may hold it while blocked on a full pipe
        if (Thread.currentThread() != reader && queued.get() == 0 && writeLock.tryLock()) {
            try {
                if (queued.get() == 0 && !stdinClosed) {
                    try {
                        writeFully(b);
                    } catch (AgentOsException e) {
                        // EPIPE: the agent is gone; its exit ends the session
                    }
                    return;
                }
            } finally {
                writeLock.unlock();
            }
        }
        queued.incrementAndGet();
        outbox.add(b);
    }

    /** Closes the agent's stdin once queued messages are written (the agent sees EOF). */
    void closeStdin() {
        queued.incrementAndGet();
        outbox.add(STOP);
    }

    private void writeFully(byte[] b) {
        int off = 0;
        while (off < b.length) off += stdin.write(b, off, b.length - off);
    }

    void kill() {
        if (guest.isAlive()) guest.signal(Signal.SIGKILL);
    }

    String stderrTail() {
        synchronized (stderrTail) {
            return stderrTail.toString();
        }
    }

    private void writeLoop() {
        boolean broken = false;
        try {
            while (true) {
                byte[] b = outbox.take();
                writeLock.lock();
                try {
                    if (b == STOP) {
                        if (!stdinClosed) {
                            stdinClosed = true;
                            stdin.close();
                        }
                        return;
                    }
                    if (!broken && !stdinClosed) writeFully(b);
                } catch (AgentOsException e) {
                    broken = true;   // EPIPE: the agent is gone; its exit ends the session
                } finally {
                    queued.decrementAndGet();
                    writeLock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLines(FileDescription src, Consumer<String> onLine) {
        reader = Thread.currentThread();
        byte[] buf = new byte[64 * 1024];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (true) {
                int n = src.read(buf, 0, buf.length);
                if (n < 0) break;
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] != '\n') continue;
                    line.write(buf, start, i - start);
                    deliver(line, onLine);
                    start = i + 1;
                }
                line.write(buf, start, n - start);
                if (line.size() > MAX_LINE) {
                    appendStderr("agentos: agent wrote a line over " + MAX_LINE + " bytes; stopped\n");
                    kill();
                    break;
                }
            }
            if (line.size() > 0) deliver(line, onLine);
        } catch (AgentOsException e) {
            // EIO and the like end the stream like EOF
        } finally {
            src.close();
            stdoutDone.complete(null);
        }
    }

    private static void deliver(ByteArrayOutputStream line, Consumer<String> onLine) {
        String s = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (!s.isBlank()) onLine.accept(s);
    }

    private void readStderr(FileDescription src) {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = src.read(buf, 0, buf.length)) >= 0) {
                appendStderr(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (AgentOsException e) {
            // the agent is gone
        } finally {
            src.close();
        }
    }

    private void appendStderr(String s) {
        synchronized (stderrTail) {
            stderrTail.append(s);
            if (stderrTail.length() > STDERR_TAIL) stderrTail.delete(0, stderrTail.length() - STDERR_TAIL);
        }
    }
}
