package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Byte-level I/O the text commands share: opening operands as fds, slurping, GNU error reasons. */
final class TextIo {
    static final int BLOCK = 64 * 1024;

    private TextIo() {}

    /** Opens an operand for reading; "-" is fd 0. */
    static int open(ProcessContext ctx, String operand) {
        if (operand.equals("-")) return 0;
        return ctx.open(operand, OpenFlags.O_RDONLY, 0);
    }

    static void close(ProcessContext ctx, int fd) {
        if (fd != 0) ctx.close(fd);
    }

    /** The whole rest of fd. */
    static byte[] readAll(ProcessContext ctx, int fd) {
        byte[] buf = new byte[BLOCK];
        int len = 0;
        while (true) {
            if (len == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
            int n = ctx.read(fd, buf, len, buf.length - len);
            if (n <= 0) break;
            len += n;
        }
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }

    /** glibc's strerror text for a failure. */
    static String reason(AgentOsException e) {
        return e.errno().map(x -> x.strerror()).orElse(e.getMessage());
    }

    /** GNU's quote() in the C locale: 'x', with a lone quote shown as "'" . */
    static String quote(String s) {
        if (s.indexOf('\'') >= 0 && s.indexOf('"') < 0 && !needsEscape(s)) return "\"" + s + "\"";
        if (!needsEscape(s)) return "'" + s + "'";
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("'\\''");
                default -> {
                    if (c < 32 || c == 127) sb.append(String.format("\\%03o", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('\'').toString();
    }

    private static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 32 || c == 127 || c == '\\') return true;
        }
        return false;
    }

    /** The display name of an operand in headers and messages. */
    static String displayName(String operand) {
        return operand.equals("-") ? "standard input" : operand;
    }

    static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A growable byte buffer with cheap appends. */
    static final class Bytes extends ByteArrayOutputStream {
        Bytes(int size) { super(size); }
        byte[] array() { return buf; }
        void writeAscii(String s) {
            for (int i = 0; i < s.length(); i++) write(s.charAt(i));
        }
    }

    /**
     * GNU argmatch: the index of the valid value {@code arg} is an unambiguous prefix of; otherwise a
     * usage failure listing the valid ones. {@code shown} lists them as GNU does (synonyms on one line).
     */
    static int argmatch(Run r, String option, String arg, String[] valid, String shown) {
        int found = -1;
        boolean ambiguous = false;
        for (int i = 0; i < valid.length; i++) {
            if (valid[i].equals(arg)) return i;
            if (valid[i].startsWith(arg)) {
                if (found >= 0) ambiguous = true;
                else found = i;
            }
        }
        if (found >= 0 && !ambiguous) return found;
        String what = ambiguous ? "ambiguous" : "invalid";
        throw r.usage(1, what + " argument " + quote(arg) + " for " + quote(option) + "\nValid arguments are:\n" + shown);
    }
}
