package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.proc.PollRequest;
import dev.agentos.kernel.tty.Termios;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** read: one byte at a time so nothing past the line is consumed; IFS splitting into names. */
final class ReadBuiltin {
    private final Shell sh;

    ReadBuiltin(Shell sh) { this.sh = sh; }

    int run(List<String> a) {
        boolean raw = false, silent = false;
        String prompt = null, array = null;
        int delim = '\n';
        int nchars = -1;
        boolean exact = false;
        double timeout = -1;
        int fd = 0;
        int i = 1;
        for (; i < a.size(); i++) {
            String o = a.get(i);
            if (!o.startsWith("-") || o.length() < 2) break;
            if (o.equals("--")) { i++; break; }
            for (int k = 1; k < o.length(); k++) {
                char c = o.charAt(k);
                String rest = o.substring(k + 1);
                String arg = null;
                if ("pandNtu".indexOf(c) >= 0) {
                    if (!rest.isEmpty()) arg = rest;
                    else if (i + 1 < a.size()) arg = a.get(++i);
                    else { sh.error("read: -" + c + ": option requires an argument"); return 2; }
                }
                switch (c) {
                    case 'r' -> raw = true;
                    case 's' -> silent = true;
                    case 'p' -> prompt = arg;
                    case 'a' -> array = arg;
                    case 'd' -> delim = arg.isEmpty() ? 0 : arg.charAt(0);
                    case 'n' -> nchars = Integer.parseInt(arg);
                    case 'N' -> { nchars = Integer.parseInt(arg); exact = true; }
                    case 't' -> {
                        timeout = parseTimeout(arg);
                        if (timeout < 0) { sh.error("read: " + arg + ": invalid timeout specification"); return 1; }
                    }
                    case 'u' -> fd = Integer.parseInt(arg);
                    case 'e', 'E' -> { }
                    default -> { sh.error("read: -" + c + ": invalid option"); return 2; }
                }
                if (arg != null) break;
            }
        }
        List<String> names = new ArrayList<>(a.subList(i, a.size()));
        for (String n : names) {
            if (!Lexer.isName(n)) { sh.error("read: `" + n + "': not a valid identifier"); return 1; }
        }
        boolean tty = sh.ctx.isatty(fd);
        if (prompt != null && tty) sh.writeErr(prompt);
        Termios saved = null;
        if (tty && (silent || nchars >= 0)) {
            try {
                saved = sh.ctx.terminal(fd).attributes();
                int lflag = saved.lflag();
                if (silent) lflag &= ~Termios.ECHO;
                if (nchars >= 0) lflag &= ~Termios.ICANON;
                sh.ctx.terminal(fd).setAttributes(saved.withLflag(lflag));
            } catch (AgentOsException e) {
                saved = null;
            }
        }
        if (timeout == 0) {
            // -t 0 reads nothing: it only says whether input (or end of file) is waiting
            return ready(fd, 0) ? 0 : 1;
        }
        long deadline = timeout > 0 ? System.nanoTime() + (long) (timeout * 1e9) : 0;
        StringBuilder line = new StringBuilder();
        List<Boolean> escaped = new ArrayList<>();
        boolean eof = false;
        ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
        byte[] one = new byte[1];
        int count = 0;
        try {
            boolean esc = false;
            while (nchars < 0 || count < nchars) {
                int n;
                if (deadline != 0 && !ready(fd, Math.max(0, deadline - System.nanoTime()))) {
                    // bash keeps what arrived before the timeout and reports 128+SIGALRM
                    assign(names, array, line.toString(), escaped);
                    return 142;
                }
                try {
                    n = sh.ctx.read(fd, one, 0, 1);
                } catch (AgentOsException e) {
                    if (e.is(Errno.EINTR)) { sh.runPendingTraps(); return 130; }
                    if (e.is(Errno.EBADF)) { sh.error("read: " + fd + ": invalid file descriptor: Bad file descriptor"); return 1; }
                    throw e;
                }
                if (n <= 0) { eof = true; break; }
                int b = one[0] & 0xff;
                if (b >= 0x80) {
                    pendingBytes.write(b);
                    String s = pendingBytes.toString(StandardCharsets.UTF_8);
                    if (s.indexOf('\uFFFD') >= 0 && pendingBytes.size() < 4) continue;
                    line.append(s);
                    for (int k = 0; k < s.length(); k++) escaped.add(esc);
                    pendingBytes.reset();
                    esc = false;
                    count++;
                    continue;
                }
                if (esc) {
                    esc = false;
                    if (b == '\n') continue;
                    line.append((char) b);
                    escaped.add(true);
                    count++;
                    continue;
                }
                if (b == delim && !exact) break;
                if (b == '\\' && !raw) { esc = true; continue; }
                line.append((char) b);
                escaped.add(false);
                count++;
            }
        } finally {
            if (saved != null) {
                sh.ctx.terminal(fd).setAttributes(saved);
                if (silent && tty) { /* bash prints nothing */ }
            }
        }
        assign(names, array, line.toString(), escaped);
        return eof ? 1 : 0;
    }

    /** A -t argument in seconds (fractions allowed), or -1 when bash would call it invalid. */
    private static double parseTimeout(String s) {
        if (!s.matches("[0-9]*(\\.[0-9]*)?") || s.isEmpty() || s.equals(".")) return -1;
        return Double.parseDouble(s);
    }

    /** Whether fd has input (or end of file) within the given nanoseconds. */
    private boolean ready(int fd, long nanos) {
        PollRequest[] req = {new PollRequest(fd, 0x1)};
        long millis = nanos == 0 ? 0 : Math.max(1, (nanos + 999_999) / 1_000_000);
        while (true) {
            try {
                return sh.ctx.poll(req, millis) > 0;
            } catch (AgentOsException e) {
                if (e.is(Errno.EINTR)) { sh.runPendingTraps(); continue; }
                return true; // not pollable: let the read itself decide
            }
        }
    }

    private void assign(List<String> names, String array, String line, List<Boolean> escaped) {
        String ifs = sh.expander.ifs();
        if (array != null) {
            List<String> fields = split(line, escaped, ifs, Integer.MAX_VALUE);
            Variables.Var v = sh.vars.getOrCreate(array);
            v.indexed = new TreeMap<>();
            v.value = null;
            v.assoc = null;
            long k = 0;
            for (String f : fields) v.indexed.put(k++, f);
            return;
        }
        if (names.isEmpty()) {
            sh.setVar("REPLY", line);
            return;
        }
        List<String> fields = split(line, escaped, ifs, names.size());
        for (int k = 0; k < names.size(); k++) sh.setVar(names.get(k), k < fields.size() ? fields.get(k) : "");
    }

    private static boolean isWs(char c, String ifs) { return ifs.indexOf(c) >= 0 && (c == ' ' || c == '\t' || c == '\n'); }

    /** Splits into at most max fields; the last takes the rest with trailing IFS whitespace removed. */
    static List<String> split(String s, List<Boolean> escaped, String ifs, int max) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n && isWs(s.charAt(i), ifs) && !escaped.get(i)) i++;
        while (i < n) {
            if (out.size() == max - 1) {
                int e = n;
                while (e > i && isWs(s.charAt(e - 1), ifs) && !escaped.get(e - 1)) e--;
                String rest = s.substring(i, e);
                // a single trailing non-whitespace delimiter is dropped
                if (!rest.isEmpty() && ifs.indexOf(rest.charAt(rest.length() - 1)) >= 0 && !escaped.get(i + rest.length() - 1)
                        && !isWs(rest.charAt(rest.length() - 1), ifs)) {
                    String body = rest.substring(0, rest.length() - 1);
                    boolean hasDelim = false;
                    for (int k = 0; k < body.length(); k++) if (ifs.indexOf(body.charAt(k)) >= 0 && !escaped.get(i + k)) hasDelim = true;
                    if (!hasDelim) rest = body;
                }
                out.add(rest);
                return out;
            }
            StringBuilder f = new StringBuilder();
            while (i < n && (escaped.get(i) || ifs.indexOf(s.charAt(i)) < 0)) f.append(s.charAt(i++));
            out.add(f.toString());
            // skip whitespace, one non-whitespace delimiter, whitespace
            while (i < n && isWs(s.charAt(i), ifs) && !escaped.get(i)) i++;
            if (i < n && ifs.indexOf(s.charAt(i)) >= 0 && !escaped.get(i)) {
                i++;
                while (i < n && isWs(s.charAt(i), ifs) && !escaped.get(i)) i++;
            }
        }
        return out;
    }
}
