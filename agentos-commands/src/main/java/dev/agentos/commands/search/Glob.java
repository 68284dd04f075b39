package dev.agentos.commands.search;

import java.util.regex.Pattern;

/** fnmatch(3) without flags (as find -name/-path and grep --include use it), compiled to a regex. */
public final class Glob {
    private Glob() {}

    public static Pattern compile(String glob, boolean ignoreCase) {
        StringBuilder sb = new StringBuilder();
        int n = glob.length();
        for (int i = 0; i < n; i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                case '\\' -> {
                    if (i + 1 < n) lit(sb, glob.charAt(++i)); else lit(sb, '\\');
                }
                case '[' -> {
                    int j = i + 1;
                    StringBuilder cls = new StringBuilder("[");
                    if (j < n && (glob.charAt(j) == '!' || glob.charAt(j) == '^')) {
                        cls.append('^');
                        j++;
                    }
                    boolean first = true;
                    boolean closed = false;
                    while (j < n) {
                        char d = glob.charAt(j);
                        if (d == ']' && !first) {
                            closed = true;
                            break;
                        }
                        first = false;
                        if (d == '[' && j + 1 < n && glob.charAt(j + 1) == ':') {
                            int e = glob.indexOf(":]", j + 2);
                            if (e > 0) {
                                cls.append(posixClass(glob.substring(j + 2, e)));
                                j = e + 2;
                                continue;
                            }
                        }
                        if (d == '\\' && j + 1 < n) d = glob.charAt(++j);
                        if (d == '-' && cls.length() > 1 && j + 1 < n && glob.charAt(j + 1) != ']') {
                            cls.append('-');
                        } else {
                            cls.append(esc(d));
                        }
                        j++;
                    }
                    if (closed) {
                        sb.append(cls).append(']');
                        i = j;
                    } else {
                        lit(sb, '[');
                    }
                }
                default -> lit(sb, c);
            }
        }
        return Pattern.compile(sb.toString(), Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
    }

    private static String posixClass(String name) {
        return switch (name) {
            case "alpha" -> "\\p{Alpha}";
            case "digit" -> "0-9";
            case "alnum" -> "\\p{Alnum}";
            case "upper" -> "\\p{Upper}";
            case "lower" -> "\\p{Lower}";
            case "space" -> "\\s\\x0B";
            case "blank" -> " \\t";
            case "punct" -> "\\p{Punct}";
            case "xdigit" -> "0-9A-Fa-f";
            default -> "\\p{Print}";
        };
    }

    private static String esc(char c) {
        return Character.isLetterOrDigit(c) && c < 128 ? String.valueOf(c) : c < 128 && c > ' ' ? "\\" + c : String.format("\\x{%x}", (int) c);
    }

    private static void lit(StringBuilder sb, char c) {
        sb.append(esc(c));
    }
}
