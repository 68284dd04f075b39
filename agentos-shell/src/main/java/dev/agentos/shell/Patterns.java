package dev.agentos.shell;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Shell patterns (globs with optional extglob) and POSIX EREs, translated to java.util.regex once and cached. */
final class Patterns {
    private static final ConcurrentHashMap<String, Pattern> GLOBS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Pattern> ERES = new ConcurrentHashMap<>();

    private Patterns() {}

    /** True when the pattern has an unescaped glob metacharacter. */
    static boolean hasMeta(String p) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '*' || c == '?') return true;
            // a [ with no ] after it is an ordinary character (so "[" itself never reads the directory)
            if (c == '[' && p.indexOf(']', i + 1) > 0) return true;
            if ((c == '+' || c == '@' || c == '!') && i + 1 < p.length() && p.charAt(i + 1) == '(') return true;
        }
        return false;
    }

    static boolean matches(String pattern, String s) {
        if (!hasMeta(pattern)) return unescape(pattern).equals(s);
        return glob(pattern).matcher(s).matches();
    }

    static Pattern glob(String pattern) {
        Pattern p = GLOBS.get(pattern);
        if (p == null) {
            p = Pattern.compile(toRegex(pattern), Pattern.DOTALL);
            if (GLOBS.size() < 10_000) GLOBS.put(pattern, p);
        }
        return p;
    }

    static String unescape(String p) {
        if (p.indexOf('\\') < 0) return p;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) c = p.charAt(++i);
            b.append(c);
        }
        return b.toString();
    }

    /** Escapes glob metacharacters so the text matches itself. */
    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("*?[]\\+@!()|".indexOf(c) >= 0) {
                if (b == null) { b = new StringBuilder(s.length() + 8); b.append(s, 0, i); }
                b.append('\\');
            }
            if (b != null) b.append(c);
        }
        return b == null ? s : b.toString();
    }

    static String toRegex(String p) {
        StringBuilder r = new StringBuilder();
        translate(p, 0, p.length(), r);
        return r.toString();
    }

    private static int translate(String p, int i, int end, StringBuilder r) {
        while (i < end) {
            char c = p.charAt(i);
            if ((c == '?' || c == '*' || c == '+' || c == '@' || c == '!') && i + 1 < end && p.charAt(i + 1) == '(') {
                int close = matchParen(p, i + 1, end);
                if (close > 0) {
                    StringBuilder inner = new StringBuilder();
                    int s = i + 2;
                    int level = 0;
                    for (int k = i + 2; k <= close; k++) {
                        char ch = p.charAt(k);
                        if (ch == '\\') { k++; continue; }
                        if (ch == '(') level++;
                        else if (ch == ')' && level > 0) level--;
                        else if ((ch == '|' && level == 0) || k == close) {
                            if (!inner.isEmpty()) inner.append('|');
                            translate(p, s, k, inner);
                            s = k + 1;
                        }
                    }
                    switch (c) {
                        case '?' -> r.append("(?:").append(inner).append(")?");
                        case '*' -> r.append("(?:").append(inner).append(")*");
                        case '+' -> r.append("(?:").append(inner).append(")+");
                        case '@' -> r.append("(?:").append(inner).append(")");
                        default -> r.append("(?:(?!(?:").append(inner).append(")$).*?)");
                    }
                    i = close + 1;
                    continue;
                }
            }
            switch (c) {
                case '*' -> r.append(".*");
                case '?' -> r.append('.');
                case '\\' -> {
                    if (i + 1 < end) r.append(Pattern.quote(String.valueOf(p.charAt(++i))));
                    else r.append("\\\\");
                }
                case '[' -> {
                    int close = bracketEnd(p, i, end);
                    if (close < 0) r.append("\\[");
                    else {
                        r.append(bracket(p.substring(i + 1, close)));
                        i = close;
                    }
                }
                default -> {
                    if (Character.isLetterOrDigit(c) || c == ' ' || c == '_' || c == '/') r.append(c);
                    else r.append('\\').append(c);
                }
            }
            i++;
        }
        return i;
    }

    private static int matchParen(String p, int open, int end) {
        int level = 0;
        for (int k = open; k < end; k++) {
            char ch = p.charAt(k);
            if (ch == '\\') { k++; continue; }
            if (ch == '(') level++;
            else if (ch == ')' && --level == 0) return k;
        }
        return -1;
    }

    private static int bracketEnd(String p, int open, int end) {
        int k = open + 1;
        if (k < end && (p.charAt(k) == '!' || p.charAt(k) == '^')) k++;
        if (k < end && p.charAt(k) == ']') k++;
        for (; k < end; k++) {
            char ch = p.charAt(k);
            if (ch == '\\') { k++; continue; }
            if (ch == '[' && k + 1 < end && p.charAt(k + 1) == ':') {
                int e = p.indexOf(":]", k + 2);
                if (e > 0) { k = e + 1; continue; }
            }
            if (ch == ']') return k;
        }
        return -1;
    }

    private static String bracket(String body) {
        StringBuilder r = new StringBuilder("[");
        int i = 0;
        if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) { r.append('^'); i = 1; }
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '[' && i + 1 < body.length() && body.charAt(i + 1) == ':') {
                int e = body.indexOf(":]", i + 2);
                if (e > 0) {
                    r.append(posixClass(body.substring(i + 2, e)));
                    i = e + 1;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < body.length()) { c = body.charAt(++i); r.append('\\').append(c); continue; }
            if (c == '-' && i > 0 && i + 1 < body.length()) { r.append('-'); continue; }
            if (Character.isLetterOrDigit(c)) r.append(c);
            else r.append('\\').append(c);
        }
        return r.append(']').toString();
    }

    static String posixClass(String name) {
        return switch (name) {
            case "alpha" -> "\\p{Alpha}";
            case "digit" -> "0-9";
            case "alnum" -> "\\p{Alnum}";
            case "upper" -> "\\p{Upper}";
            case "lower" -> "\\p{Lower}";
            case "space" -> "\\s\\x0B";
            case "blank" -> " \\t";
            case "punct" -> "\\p{Punct}";
            case "print" -> "\\p{Print}";
            case "graph" -> "\\p{Graph}";
            case "cntrl" -> "\\p{Cntrl}";
            case "xdigit" -> "0-9A-Fa-f";
            case "word" -> "\\w";
            default -> "";
        };
    }

    /** A POSIX ERE as a Java regex: bracket classes translated; null when invalid. */
    static Pattern ere(String re) {
        Pattern p = ERES.get(re);
        if (p != null) return p;
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) { r.append(c).append(re.charAt(++i)); continue; }
            if (c == '[') {
                int close = bracketEnd(re, i, re.length());
                if (close > 0) {
                    String body = re.substring(i + 1, close);
                    StringBuilder b = new StringBuilder("[");
                    int k = 0;
                    if (!body.isEmpty() && body.charAt(0) == '^') { b.append('^'); k = 1; }
                    for (; k < body.length(); k++) {
                        char ch = body.charAt(k);
                        if (ch == '[' && k + 1 < body.length() && body.charAt(k + 1) == ':') {
                            int e = body.indexOf(":]", k + 2);
                            if (e > 0) { b.append(posixClass(body.substring(k + 2, e))); k = e + 1; continue; }
                        }
                        if (ch == '[' || ch == '\\' || ch == '&' || (ch == ']' && k > 0)) b.append('\\');
                        b.append(ch);
                    }
                    r.append(b).append(']');
                    i = close;
                    continue;
                }
            }
            r.append(c);
        }
        try {
            p = Pattern.compile(r.toString());
        } catch (PatternSyntaxException e) {
            return null;
        }
        if (ERES.size() < 10_000) ERES.put(re, p);
        return p;
    }
}
