package dev.agentos.session;

import com.agentclientprotocol.sdk.error.AcpErrorCodes;
import com.agentclientprotocol.sdk.error.AcpProtocolException;
import com.agentclientprotocol.sdk.spec.AcpSchema;
import dev.agentos.AgentOs;
import dev.agentos.SpawnOptions;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code terminal/*} requests of one session, answered with VM processes: a command with its
 * stdout and stderr merged into one buffer (bounded by {@code outputByteLimit}, oldest bytes dropped
 * first at a character boundary), waited for, killed and released.
 */
final class Terminals {
    private static final long DEFAULT_LIMIT = 16L << 20;
    private static final AtomicLong IDS = new AtomicLong();

    private final AgentOs vm;
    private final String defaultCwd;
    private final Map<String, Term> terms = new ConcurrentHashMap<>();

    Terminals(AgentOs vm, String defaultCwd) {
        this.vm = vm;
        this.defaultCwd = defaultCwd;
    }

    private static final class Term {
        final long limit;
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        int pid;
        volatile boolean killed;
        private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        private boolean truncated;

        Term(long limit) { this.limit = limit; }

        synchronized void add(byte[] b) {
            buf.write(b, 0, b.length);
            if (buf.size() > limit) {
                truncated = true;
                // compact only once well past the limit, so appending stays linear
                if (buf.size() - limit > Math.max(limit, 64 * 1024)) {
                    byte[] tail = tail();
                    buf.reset();
                    buf.write(tail, 0, tail.length);
                }
            }
        }

        /** The last {@code limit} bytes, starting at a character boundary. */
        private byte[] tail() {
            byte[] all = buf.toByteArray();
            int drop = (int) Math.max(0, all.length - limit);
            while (drop > 0 && drop < all.length && (all[drop] & 0xC0) == 0x80) drop++;
            return drop == 0 ? all : java.util.Arrays.copyOfRange(all, drop, all.length);
        }

        synchronized String text() { return new String(tail(), StandardCharsets.UTF_8); }

        synchronized boolean truncated() { return truncated; }

        AcpSchema.TerminalExitStatus status() {
            if (!exit.isDone()) return null;
            int code = exit.join();
            return killed ? new AcpSchema.TerminalExitStatus(null, "SIGKILL") : new AcpSchema.TerminalExitStatus(code, null);
        }
    }

    AcpSchema.CreateTerminalResponse create(AcpSchema.CreateTerminalRequest r) {
        if (r.command() == null || r.command().isBlank()) throw new AcpProtocolException(AcpErrorCodes.INVALID_PARAMS, "terminal/create: command is empty");
        List<String> args = r.args() == null ? List.of() : r.args();
        String command = r.command();
        if (args.isEmpty() && command.chars().anyMatch(Character::isWhitespace)) {
            // agents often send a whole command line as the command: run it through the VM's shell
            args = List.of("-c", command);
            command = "/bin/sh";
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (r.env() != null) for (AcpSchema.EnvVariable v : r.env()) env.put(v.name(), v.value());
        Term t = new Term(r.outputByteLimit() == null || r.outputByteLimit() <= 0 ? DEFAULT_LIMIT : r.outputByteLimit());
        SpawnOptions o = SpawnOptions.builder().env(env).cwd(r.cwd() == null ? defaultCwd : r.cwd())
                .onStdout(t::add).onStderr(t::add).onExit(t.exit::complete).build();
        t.pid = vm.spawn(command, args, o);
        try {
            vm.closeProcessStdin(t.pid);
        } catch (RuntimeException e) {
            // it already ended
        }
        String id = "term-" + IDS.incrementAndGet();
        terms.put(id, t);
        return new AcpSchema.CreateTerminalResponse(id);
    }

    private Term term(String id) {
        Term t = id == null ? null : terms.get(id);
        if (t == null) throw new AcpProtocolException(AcpErrorCodes.INVALID_PARAMS, "no terminal with id " + id);
        return t;
    }

    AcpSchema.TerminalOutputResponse output(AcpSchema.TerminalOutputRequest r) {
        Term t = term(r.terminalId());
        return new AcpSchema.TerminalOutputResponse(t.text(), t.truncated(), t.status());
    }

    CompletableFuture<AcpSchema.WaitForTerminalExitResponse> waitForExit(AcpSchema.WaitForTerminalExitRequest r) {
        Term t = term(r.terminalId());
        return t.exit.thenApply(code -> {
            AcpSchema.TerminalExitStatus s = t.status();
            return new AcpSchema.WaitForTerminalExitResponse(s.exitCode(), s.signal());
        });
    }

    AcpSchema.KillTerminalCommandResponse kill(AcpSchema.KillTerminalCommandRequest r) {
        kill(term(r.terminalId()));
        return new AcpSchema.KillTerminalCommandResponse();
    }

    AcpSchema.ReleaseTerminalResponse release(AcpSchema.ReleaseTerminalRequest r) {
        Term t = term(r.terminalId());
        terms.remove(r.terminalId());
        kill(t);
        return new AcpSchema.ReleaseTerminalResponse();
    }

    private void kill(Term t) {
        if (t.exit.isDone()) return;
        t.killed = true;
        try {
            vm.killProcess(t.pid);
        } catch (RuntimeException e) {
            // it ended meanwhile
            if (!t.exit.isDone()) throw e;
        }
    }

    /** Kills every terminal of the session (the session ends). */
    void closeAll() {
        for (Term t : terms.values()) {
            try {
                kill(t);
            } catch (RuntimeException e) {
                // best effort at close
            }
        }
        terms.clear();
    }
}
