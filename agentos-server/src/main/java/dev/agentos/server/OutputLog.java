package dev.agentos.server;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.protocol.ProcessOutputPage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The retained output of an actor's processes, so a client that reconnects can read what it missed:
 * per process at most {@code maxBytes} of the newest output (older chunks are dropped whole), and at
 * most {@link #MAX_PROCESSES} processes (the oldest forgotten first).
 */
final class OutputLog {
    static final int MAX_PROCESSES = 1024;

    private final long maxBytes;
    private final Map<Integer, Log> logs = new LinkedHashMap<>(16, 0.75f, false) {
        @Override protected boolean removeEldestEntry(Map.Entry<Integer, Log> e) { return size() > MAX_PROCESSES; }
    };

    OutputLog(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Bumped when the actor's VM boots again (after a sleep): pids start over, so older logs give way. */
    private int generation;

    private static final class Log {
        final int generation;
        final ArrayDeque<ProcessOutputPage.Chunk> chunks = new ArrayDeque<>();
        long bytes;
        long lastSeq;
        long firstRetainedSeq = 1;
        Integer exitCode;

        Log(int generation) { this.generation = generation; }
    }

    /** A new VM: a process that reuses a pid of the old one replaces its retained output. */
    synchronized void newGeneration() { generation++; }

    private Log current(int pid) {
        Log log = logs.get(pid);
        if (log == null || log.generation != generation) {
            log = new Log(generation);
            logs.put(pid, log);
        }
        return log;
    }

    synchronized void output(int pid, String stream, byte[] data, long seq) {
        Log log = current(pid);
        log.chunks.addLast(new ProcessOutputPage.Chunk(stream, data, seq));
        log.bytes += data.length;
        log.lastSeq = Math.max(log.lastSeq, seq);
        while (log.bytes > maxBytes && !log.chunks.isEmpty()) {
            ProcessOutputPage.Chunk dropped = log.chunks.removeFirst();
            log.bytes -= dropped.data().length;
            log.firstRetainedSeq = dropped.seq() + 1;
        }
    }

    synchronized void exit(int pid, int exitCode) {
        current(pid).exitCode = exitCode;
    }

    /** Retained output with a sequence number above {@code afterSeq}; ESRCH for a process never seen. */
    synchronized ProcessOutputPage read(int pid, long afterSeq) {
        Log log = logs.get(pid);
        if (log == null) {
            throw AgentOsException.errnoDetail(Errno.ESRCH, "no retained output for pid " + pid);
        }
        List<ProcessOutputPage.Chunk> out = new ArrayList<>();
        for (ProcessOutputPage.Chunk c : log.chunks) if (c.seq() > afterSeq) out.add(c);
        return new ProcessOutputPage(pid, out, log.firstRetainedSeq, log.lastSeq, Optional.ofNullable(log.exitCode));
    }

    /** Notes a spawned process so reading it before its first output answers an empty page, not ESRCH. */
    synchronized void started(int pid) {
        current(pid);
    }
}
