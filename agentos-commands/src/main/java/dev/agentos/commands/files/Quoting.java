package dev.agentos.commands.files;

/** GNU's quoting of file names in messages: {@code quote()} (always) and {@code quotef()} (when needed). */
final class Quoting {
    private static final String SPECIAL = " \t\n!\"#$&'()*;<>?[\\]^`{|}";

    private Quoting() {}

    /** shell-escape-always: {@code 'a b'}, {@code "a'b"}. */
    static String always(String s) {
        if (s.indexOf('\'') < 0) return "'" + s + "'";
        if (s.chars().noneMatch(c -> c == '"' || c == '$' || c == '`' || c == '\\' || c == '!')) return "\"" + s + "\"";
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** shell-escape: quoted only when the shell would need it. */
    static String ifNeeded(String s) {
        return needs(s) ? always(s) : s;
    }

    static boolean needs(String s) {
        if (s.isEmpty()) return true;
        if (s.charAt(0) == '~' || s.charAt(0) == '#') return true;
        for (int i = 0; i < s.length(); i++) if (SPECIAL.indexOf(s.charAt(i)) >= 0) return true;
        return false;
    }
}
