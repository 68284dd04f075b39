package dev.agentos.shell;

/** Backslash escapes: $'...' (ANSI-C), echo -e and printf's %b. */
final class Escapes {
    private Escapes() {}

    static String ansiC(String s) {
        return decode(s, false, null);
    }

    /**
     * Decodes escapes; {@code echoStyle} makes \0nnn octal (echo -e, %b). When {@code stop} is given, \c sets
     * stop[0] and ends the text.
     */
    static String decode(String s, boolean echoStyle, boolean[] stop) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) { b.append(c); continue; }
            char n = s.charAt(++i);
            switch (n) {
                case 'a' -> b.append('\007');
                case 'b' -> b.append('\b');
                case 'e', 'E' -> b.append('\033');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'v' -> b.append('\013');
                case '\\' -> b.append('\\');
                case '\'' -> b.append(echoStyle ? "\\'" : "'");
                case '"' -> b.append(echoStyle ? "\\\"" : "\"");
                case '?' -> b.append(echoStyle ? "\\?" : "?");
                case 'c' -> {
                    if (stop != null) { stop[0] = true; return b.toString(); }
                    if (i + 1 < s.length()) b.append((char) (s.charAt(++i) & 0x1f));
                    else b.append("\\c");
                }
                case 'x' -> {
                    int v = 0, k = 0;
                    while (k < 2 && i + 1 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0) { v = v * 16 + Character.digit(s.charAt(++i), 16); k++; }
                    if (k == 0) b.append("\\x"); else b.append((char) v);
                }
                case 'u', 'U' -> {
                    int max = n == 'u' ? 4 : 8, v = 0, k = 0;
                    while (k < max && i + 1 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0) { v = v * 16 + Character.digit(s.charAt(++i), 16); k++; }
                    if (k == 0) b.append('\\').append(n); else b.appendCodePoint(v);
                }
                default -> {
                    if (n >= '0' && n <= '7') {
                        int v = 0, k = 0;
                        int max = 3;
                        if (echoStyle && n == '0') { max = 3; } else { v = n - '0'; k = 1; }
                        while (k < max && i + 1 < s.length() && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7') { v = v * 8 + (s.charAt(++i) - '0'); k++; }
                        b.append((char) (v & 0xff));
                    } else {
                        b.append('\\').append(n);
                    }
                }
            }
        }
        return b.toString();
    }
}
