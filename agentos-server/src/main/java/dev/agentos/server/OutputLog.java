package dev.agentos.server;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.protocol.ProcessOutputList;
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
        @Override protected boolean removeEldestEntry(Map.Entry<Integer, Log> e) {
            if (size() <= MAX_PROCESSES) return false;
            dropped.add(e.getKey());
            changed.remove(e.getKey());
            return true;
        }
    };
    /** Pids whose log changed, or was forgotten, since the last {@link #drain}: what a data directory must save. */
    private final java.util.Set<Integer> changed = new java.util.LinkedHashSet<>();
    private final java.util.Set<Integer> dropped = new java.util.LinkedHashSet<>();

    /** Where retained output is kept across restarts. */
    interface Sink {
        void save(ProcessOutputPage page);

        void drop(int pid);
    }

    OutputLog(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Counts processes in the order the log first heard of them: the cursor of listProcessOutputs. */
    private long processCounter;

    /** Bumped when the actor's VM boots again (after a sleep): pids start over, so older logs give way. */
    private int generation;

    private static final class Log {
        final int generation;
        final long order;
        final ArrayDeque<ProcessOutputPage.Chunk> chunks = new ArrayDeque<>();
        long bytes;
        long lastSeq;
        long firstRetainedSeq = 1;
        Integer exitCode;

        Log(int generation, long order) {
            this.generation = generation;
            this.order = order;
        }
    }

    /** A new VM: a process that reuses a pid of the old one replaces its retained output. */
    synchronized void newGeneration() { generation++; }

    private Log current(int pid) {
        Log log = logs.get(pid);
        if (log == null || log.generation != generation) {
            log = new Log(generation, ++processCounter);
            logs.put(pid, log);
        }
        changed.add(pid);
        dropped.remove(pid);
        return log;
    }

    /** Hands what changed since the last call to {@code sink} (each changed log whole, as its page). */
    void drain(Sink sink) {
        List<ProcessOutputPage> pages = new ArrayList<>();
        List<Integer> gone;
        synchronized (this) {
            for (int pid : changed) pages.add(read(pid, 0));
            changed.clear();
            gone = List.copyOf(dropped);
            dropped.clear();
        }
        for (int pid : gone) sink.drop(pid);
        for (ProcessOutputPage p : pages) sink.save(p);
    }

    /** A log saved by an earlier run of the server; a process of this run with the same pid replaces it. */
    synchronized void restore(ProcessOutputPage page) {
        Log log = new Log(generation - 1, ++processCounter);
        for (ProcessOutputPage.Chunk c : page.chunks()) {
            log.chunks.addLast(c);
            log.bytes += c.data().length;
        }
        log.firstRetainedSeq = page.firstRetainedSeq();
        log.lastSeq = page.lastSeq();
        log.exitCode = page.exitCode().orElse(null);
        logs.put(page.pid(), log);
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

    /** The order number of the newest process heard of; processes heard of later have greater ones. */
    synchronized long cursor() { return processCounter; }

    /**
     * Every retained process first heard of after {@code afterCursor}, with its last sequence number and
     * exit code, and the cursor to pass next time: how a reconnecting client finds the processes that
     * were spawned while it was away.
     */
    synchronized ProcessOutputList list(long afterCursor) {
        List<ProcessOutputList.Entry> out = new ArrayList<>();
        logs.forEach((pid, log) -> {
            if (log.order > afterCursor) out.add(new ProcessOutputList.Entry(pid, log.lastSeq, Optional.ofNullable(log.exitCode)));
        });
        return new ProcessOutputList(processCounter, out);
    }

    /** Notes a spawned process so reading it before its first output answers an empty page, not ESRCH. */
    synchronized void started(int pid) {
        current(pid);
    }
}
