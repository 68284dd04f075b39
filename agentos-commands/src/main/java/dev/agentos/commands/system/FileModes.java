package dev.agentos.commands.system;

import java.util.OptionalInt;

/** chmod-style modes: octal, or symbolic clauses like {@code u+x,go-w,a=r} applied to a base mode. */
final class FileModes {
    private FileModes() {}

    static OptionalInt parse(String text, int base, int umask) {
        if (text.matches("[0-7]{1,4}")) return OptionalInt.of(Integer.parseInt(text, 8));
        int mode = base;
        for (String clause : text.split(",", -1)) {
            int i = 0, who = 0;
            while (i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0) {
                who |= switch (clause.charAt(i++)) {
                    case 'u' -> 04700;
                    case 'g' -> 02070;
                    case 'o' -> 01007;
                    default -> 07777;
                };
            }
            boolean masked = who == 0;
            if (who == 0) who = 07777;
            if (i >= clause.length()) return OptionalInt.empty();
            while (i < clause.length()) {
                char op = clause.charAt(i++);
                if ("+-=".indexOf(op) < 0) return OptionalInt.empty();
                int perm = 0;
                while (i < clause.length() && "rwxXst".indexOf(clause.charAt(i)) >= 0) {
                    perm |= switch (clause.charAt(i++)) {
                        case 'r' -> 0444;
                        case 'w' -> 0222;
                        case 'x', 'X' -> 0111;
                        case 's' -> 06000;
                        default -> 01000;
                    };
                }
                int bits = perm & who & (masked ? ~umask : 07777);
                switch (op) {
                    case '+' -> mode |= bits;
                    case '-' -> mode &= ~bits;
                    default -> mode = (mode & ~who) | bits;
                }
            }
        }
        return OptionalInt.of(mode);
    }
}
