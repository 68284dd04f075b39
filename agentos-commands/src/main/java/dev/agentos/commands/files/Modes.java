package dev.agentos.commands.files;

import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** File modes: {@code ls}'s "-rw-r--r--" and chmod's octal and symbolic changes (gnulib's modechange). */
final class Modes {
    private static final int ALL = 07777;

    /** One compiled change: op, who bits, value bits, kind ('o' ordinary, 'c' copy, 'X'). */
    private record Change(char op, int affected, int value, int mentioned, char kind) {}

    /** A compiled mode operand, applied to each file's mode. */
    static final class Spec {
        private final List<Change> changes;

        private Spec(List<Change> changes) { this.changes = changes; }

        int apply(int oldMode, boolean dir, int umask) {
            int newmode = oldMode & ALL;
            for (Change c : changes) {
                int omit = (dir ? 06000 : 0) & ~c.mentioned;
                int value = c.value;
                if (c.kind == 'c') {
                    value &= newmode;
                    value |= ((value & 0444) != 0 ? 0444 : 0) | ((value & 0222) != 0 ? 0222 : 0) | ((value & 0111) != 0 ? 0111 : 0);
                } else if (c.kind == 'X') {
                    if ((newmode & 0111) != 0 || dir) value |= 0111;
                }
                value &= (c.affected != 0 ? c.affected : ~umask) & ~omit;
                switch (c.op) {
                    case '=' -> {
                        int preserved = (c.affected != 0 ? ~c.affected : 0) | omit;
                        newmode = (newmode & preserved) | value;
                    }
                    case '+' -> newmode |= value;
                    default -> newmode &= ~value;
                }
            }
            return newmode & ALL;
        }
    }

    private Modes() {}

    /** Compiles an octal or symbolic mode; empty when invalid. */
    static Optional<Spec> compile(String s) {
        if (!s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '7')) {
            if (s.length() > 4 && Integer.parseInt(s, 8) > ALL) return Optional.empty();
            int v = Integer.parseInt(s, 8);
            int mentioned = s.length() > 4 ? ALL : (v & 06000) | 01777;
            return Optional.of(new Spec(List.of(new Change('=', ALL, v, mentioned, 'o'))));
        }
        List<Change> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            int affected = 0;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c == 'u') affected |= 04700;
                else if (c == 'g') affected |= 02070;
                else if (c == 'o') affected |= 01007;
                else if (c == 'a') affected |= ALL;
                else break;
            }
            if (i >= n || "=+-".indexOf(s.charAt(i)) < 0) return Optional.empty();
            while (i < n && "=+-".indexOf(s.charAt(i)) >= 0) {
                char op = s.charAt(i++);
                int value = 0;
                char kind = 'o';
                if (i < n && "ugo".indexOf(s.charAt(i)) >= 0) {
                    char c = s.charAt(i++);
                    value = c == 'u' ? 0700 : c == 'g' ? 0070 : 0007;
                    kind = 'c';
                } else {
                    for (; i < n; i++) {
                        char c = s.charAt(i);
                        if (c == 'r') value |= 0444;
                        else if (c == 'w') value |= 0222;
                        else if (c == 'x') value |= 0111;
                        else if (c == 'X') kind = 'X';
                        else if (c == 's') value |= 06000;
                        else if (c == 't') value |= 01000;
                        else break;
                    }
                }
                out.add(new Change(op, affected, value, affected != 0 ? affected & value : value, kind));
            }
            if (i == n) return Optional.of(new Spec(out));
            if (s.charAt(i) != ',') return Optional.empty();
            i++;
        }
    }

    /** The 10-character mode string of {@code ls -l} and {@code stat %A}. */
    static String string(FileStat st) {
        return string(st.type(), st.mode());
    }

    static String string(FileType type, int m) {
        char[] c = new char[10];
        c[0] = switch (type) {
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case CHAR_DEVICE -> 'c';
            case FIFO -> 'p';
            case SOCKET -> 's';
            case REGULAR -> '-';
        };
        c[1] = (m & 0400) != 0 ? 'r' : '-';
        c[2] = (m & 0200) != 0 ? 'w' : '-';
        c[3] = exec(m & 0100, m & 04000, 's');
        c[4] = (m & 040) != 0 ? 'r' : '-';
        c[5] = (m & 020) != 0 ? 'w' : '-';
        c[6] = exec(m & 010, m & 02000, 's');
        c[7] = (m & 04) != 0 ? 'r' : '-';
        c[8] = (m & 02) != 0 ? 'w' : '-';
        c[9] = exec(m & 01, m & 01000, 't');
        return new String(c);
    }

    private static char exec(int x, int special, char letter) {
        if (special != 0) return x != 0 ? letter : Character.toUpperCase(letter);
        return x != 0 ? 'x' : '-';
    }

    /** What {@code stat %F} and friends call a file type. */
    static String typeName(FileStat st) {
        return switch (st.type()) {
            case REGULAR -> st.size() == 0 ? "regular empty file" : "regular file";
            case DIRECTORY -> "directory";
            case SYMLINK -> "symbolic link";
            case CHAR_DEVICE -> "character special file";
            case FIFO -> "fifo";
            case SOCKET -> "socket";
        };
    }
}
