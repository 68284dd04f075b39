package dev.agentos.commands.search.find;

/** Octal and symbolic (u+x,g=r) permission modes, as find -perm reads them (symbolic ones from 0). */
final class Modes {
    private Modes() {}

    /** The mode bits, or -1 when {@code s} is not a mode. */
    static int parse(String s) {
        if (s.isEmpty()) return -1;
        if (s.chars().allMatch(c -> c >= '0' && c <= '7')) {
            int v = Integer.parseInt(s, 8);
            return v > 07777 ? -1 : v;
        }
        int mode = 0;
        for (String clause : s.split(",", -1)) {
            int i = 0;
            int who = 0;
            while (i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0) {
                who |= switch (clause.charAt(i)) {
                    case 'u' -> 04700;
                    case 'g' -> 02070;
                    case 'o' -> 01007;
                    default -> 07777;
                };
                i++;
            }
            if (who == 0) who = 07777;
            if (i >= clause.length()) return -1;
            while (i < clause.length()) {
                char op = clause.charAt(i++);
                if (op != '+' && op != '-' && op != '=') return -1;
                int bits = 0;
                while (i < clause.length() && "rwxXst".indexOf(clause.charAt(i)) >= 0) {
                    bits |= switch (clause.charAt(i)) {
                        case 'r' -> 0444;
                        case 'w' -> 0222;
                        case 'x', 'X' -> 0111;
                        case 's' -> 06000;
                        default -> 01000;
                    };
                    i++;
                }
                bits &= who;
                switch (op) {
                    case '+' -> mode |= bits;
                    case '-' -> mode &= ~bits;
                    default -> mode = (mode & ~who) | bits;
                }
            }
        }
        return mode;
    }
}
