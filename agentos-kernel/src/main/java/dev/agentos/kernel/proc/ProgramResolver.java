package dev.agentos.kernel.proc;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.vfs.Caller;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.OpenFlags;
import dev.agentos.kernel.vfs.Vfs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * execve's lookup: finds the file a command names (PATH search when it has no slash), checks it is an
 * executable regular file, and binds it to a program: a {@link ProgramImage}, or a {@code #!} script
 * whose interpreter is resolved the same way.
 */
final class ProgramResolver {
    static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin:/opt/agentos/bin";
    private static final int MAX_INTERPRETER_DEPTH = 4;
    private static final int HEAD = 256;

    /** A bound program and the argv it will see. */
    record Resolved(Program program, String path, List<String> argv) {}

    private final Vfs vfs;
    private final ProgramRegistry programs;

    ProgramResolver(Vfs vfs, ProgramRegistry programs) {
        this.vfs = vfs;
        this.programs = programs;
    }

    Resolved resolve(Caller caller, String command, List<String> argv, Optional<String> pathVar) {
        return resolve(caller, command, argv, pathVar.orElse(DEFAULT_PATH), 0);
    }

    private Resolved resolve(Caller caller, String command, List<String> argv, String pathVar, int depth) {
        if (command.isEmpty()) throw AgentOsException.errno(Errno.ENOENT, "spawn", command);
        String path = command.contains("/") ? command : search(caller, command, pathVar);
        FileStat st;
        try {
            st = vfs.stat(caller, path);
        } catch (AgentOsException e) {
            throw e.errno().map(errno -> AgentOsException.errno(errno, "spawn", command)).orElse(e);
        }
        if (st.isDirectory()) throw AgentOsException.errno(Errno.EACCES, "spawn", command);
        if (!st.isRegular() || !vfs.access(caller, path, 1)) throw AgentOsException.errno(Errno.EACCES, "spawn", command);
        byte[] head = new byte[HEAD];
        int n = readHead(caller, path, head);
        Optional<String> name = ProgramImage.programName(head, n);
        if (name.isPresent()) {
            Program p = programs.find(name.get())
                    .orElseThrow(() -> AgentOsException.errno(Errno.ENOEXEC, "spawn", command));
            return new Resolved(p, path, argv);
        }
        if (n >= 2 && head[0] == '#' && head[1] == '!') {
            if (depth >= MAX_INTERPRETER_DEPTH) throw AgentOsException.errno(Errno.ELOOP, "spawn", command);
            List<String> interp = parseShebang(head, n);
            if (interp.isEmpty()) throw AgentOsException.errno(Errno.ENOEXEC, "spawn", command);
            List<String> newArgv = new ArrayList<>(interp);
            newArgv.add(path);
            if (argv.size() > 1) newArgv.addAll(argv.subList(1, argv.size()));
            try {
                return resolve(caller, interp.get(0), newArgv, pathVar, depth + 1);
            } catch (AgentOsException e) {
                if (e.is(Errno.ENOENT)) throw AgentOsException.errno(Errno.ENOENT, "spawn", interp.get(0));
                throw e;
            }
        }
        throw AgentOsException.errno(Errno.ENOEXEC, "spawn", command);
    }

    private String search(Caller caller, String name, String pathVar) {
        boolean sawNonExecutable = false;
        for (String dir : pathVar.split(":", -1)) {
            String d = dir.isEmpty() ? "." : dir;
            String candidate = d.endsWith("/") ? d + name : d + "/" + name;
            try {
                FileStat st = vfs.stat(caller, candidate);
                if (st.isRegular() && vfs.access(caller, candidate, 1)) return candidate;
                if (st.isRegular()) sawNonExecutable = true;
            } catch (AgentOsException e) {
                // not in this directory: keep looking
            }
        }
        throw AgentOsException.errno(sawNonExecutable ? Errno.EACCES : Errno.ENOENT, "spawn", name);
    }

    private int readHead(Caller caller, String path, byte[] head) {
        // exec needs only the x bit; reading the head is the kernel's doing, not the caller's.
        Caller kernel = new Caller(caller.pid(), Credentials.ROOT, caller.cwd(), caller.umask());
        FileDescription f = vfs.open(kernel, path, OpenFlags.O_RDONLY, 0);
        try {
            int total = 0;
            while (total < head.length) {
                int r = f.read(head, total, head.length - total);
                if (r < 0) break;
                total += r;
            }
            return total;
        } finally {
            f.close();
        }
    }

    /** "#!/usr/bin/env node -x" → [/usr/bin/env, "node -x"] as Linux does (one optional argument). */
    private static List<String> parseShebang(byte[] head, int n) {
        int end = 2;
        while (end < n && head[end] != '\n') end++;
        String line = new String(head, 2, end - 2, StandardCharsets.UTF_8).strip();
        if (line.isEmpty()) return List.of();
        int sp = indexOfBlank(line);
        if (sp < 0) return List.of(line);
        String arg = line.substring(sp).strip();
        return arg.isEmpty() ? List.of(line.substring(0, sp)) : List.of(line.substring(0, sp), arg);
    }

    private static int indexOfBlank(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == ' ' || s.charAt(i) == '\t') return i;
        return -1;
    }
}
