package dev.agentos.shell;

import dev.agentos.shell.Ast.Command;

/** Quoting for output that must read back as shell input: set -x, printf %q, ${x@Q}, declare -p. */
final class Quoting {
    private Quoting() {}

    private static boolean plain(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || "_./=:,+@%^-".indexOf(c) >= 0)) return false;
        }
        return true;
    }

    /** How bash's set -x shows a word: as is, or in single quotes. */
    static String quote(String s) {
        if (plain(s)) return s;
        if (needsAnsi(s)) return ansi(s);
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** ${x@Q}: always single-quoted. */
    static String quoteAlways(String s) {
        if (needsAnsi(s)) return ansi(s);
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static boolean needsAnsi(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 32 || c == 127) return true;
        }
        return false;
    }

    private static String ansi(String s) {
        StringBuilder b = new StringBuilder("$'");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\033' -> b.append("\\E");
                case '\'' -> b.append("\\'");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 32 || c == 127) b.append(String.format("\\%03o", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('\'').toString();
    }

    /** printf %q: backslash escapes, as bash does. */
    static String printfQ(String s) {
        if (s.isEmpty()) return "''";
        if (needsAnsi(s)) return ansi(s);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || "_./=:,+@%^-".indexOf(c) >= 0) || (c == '~' && i == 0)) b.append('\\');
            b.append(c);
        }
        return b.toString();
    }

    /** A short text for a job listing. */
    static String describe(Command c) {
        return Unparser.text(c);
    }
}
