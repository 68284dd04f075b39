package dev.agentos.commands.search.regex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates GNU-flavoured POSIX regular expressions (BRE and ERE, as grep and sed read them) to
 * {@link java.util.regex.Pattern}s over Latin-1 text (one char per byte, the C locale).
 *
 * <p>Covered: {@code \( \) \{m,n\} \| \+ \?} in BRE; {@code ( ) {m,n} | + ?} in ERE; back-references
 * (renumbered when patterns are joined); bracket expressions with {@code ]} first, {@code [^]]},
 * classes, {@code [=c=]} and {@code [.c.]}; {@code \< \> \b \B \w \W \s \S \` \'}; a leading
 * {@code *} is literal; anchors are literal where POSIX says they are (BRE {@code a^b}).
 *
 * <p>Caveat: java.util.regex is leftmost-first, POSIX is leftmost-longest. Line selection is unaffected;
 * for match extents (grep -o, sed s) {@link #longestEnd} extends a match to the longest one starting at
 * the same place when the pattern has alternation, but sub-group extents may still differ from POSIX.
 */
public final class PosixRegex {
    /** Which POSIX syntax to read. */
    public enum Syntax { BASIC, EXTENDED }

    /** A translated pattern: the Java regex, its group count, and whether it has alternation. */
    public record Translation(String javaRegex, int groups, boolean alternation, List<String> warnings, boolean anchored) {}

    /** A malformed pattern, with glibc's wording ({@code Unmatched ( or \(}). */
    public static final class SyntaxError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public SyntaxError(String message) {
            super(message, null);
        }
    }

    /** Options of a translation. */
    public record Options(Syntax syntax, boolean multiline, boolean sedEscapes, int groupOffset) {
        public static Options of(Syntax syntax) { return new Options(syntax, false, false, 0); }
        public Options withGroupOffset(int offset) { return new Options(syntax, multiline, sedEscapes, offset); }
    }

    private static final String WORD = "[A-Za-z0-9_]";
    private static final String NOT_WORD = "[^A-Za-z0-9_]";

    private final String s;
    private final Options opt;
    private final boolean ere;
    private final StringBuilder out = new StringBuilder();
    private final Deque<Integer> open = new ArrayDeque<>();
    private final List<String> warnings = new ArrayList<>();
    private int groups;
    private int closedGroups;
    private boolean alternation;
    private int atomStart = -1;
    private boolean quantified;
    private boolean exprStart = true;
    private boolean anchored;

    private PosixRegex(String s, Options opt) {
        this.s = s;
        this.opt = opt;
        this.ere = opt.syntax == Syntax.EXTENDED;
    }

    public static Translation translate(String pattern, Options options) {
        return new PosixRegex(pattern, options).run();
    }

    /** Translates and compiles; {@code ignoreCase} folds ASCII case as the C locale does. */
    public static Pattern compile(String pattern, Options options, boolean ignoreCase) {
        return compile(translate(pattern, options), options, ignoreCase);
    }

    public static Pattern compile(Translation t, Options options, boolean ignoreCase) {
        int flags = Pattern.UNIX_LINES | (options.multiline ? 0 : Pattern.DOTALL);
        if (ignoreCase) flags |= Pattern.CASE_INSENSITIVE;
        return Pattern.compile(t.javaRegex, flags);
    }

    /**
     * After {@code m} found a match at {@code start}, the end of the longest match starting there within
     * {@code limit} (POSIX leftmost-longest). {@code probe} is a second matcher over the same text; when
     * it returns a longer end, {@code probe} holds that match's groups.
     */
    public static int longestEnd(Matcher probe, int start, int end, int limit) {
        probe.useTransparentBounds(true).useAnchoringBounds(false);
        for (int e = limit; e > end; e--) {
            probe.region(start, e);
            if (probe.matches()) return e;
        }
        return end;
    }

    private Translation run() {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) throw new SyntaxError("Trailing backslash");
                i = escape(s.charAt(i + 1), i + 2);
                continue;
            }
            switch (c) {
                case '[' -> i = bracket(i);
                case '.' -> { atom(opt.multiline ? "[^\\n]" : "."); i++; }
                case '*' -> {
                    if (atomStart >= 0) quantify("*");
                    else if (ere) starWarning(c);
                    else literal(c);
                    i++;
                }
                case '^' -> {
                    if (ere || exprStart) {
                        out.append(opt.multiline ? "(?<![^\\n])" : "^");
                        anchored = true;
                        atomStart = -1;
                        exprStart = !ere || exprStart;
                    } else {
                        literal(c);
                    }
                    i++;
                }
                case '$' -> {
                    if (ere || i + 1 == n || s.startsWith("\\)", i + 1) || s.startsWith("\\|", i + 1)) {
                        out.append(opt.multiline ? "(?![^\\n])" : "$(?!\\n)");
                        anchored = true;
                        atomStart = -1;
                        exprStart = false;
                    } else {
                        literal(c);
                    }
                    i++;
                }
                default -> {
                    if (ere) i = ereSpecial(c, i); else { literal(c); i++; }
                }
            }
        }
        if (!open.isEmpty()) throw new SyntaxError("Unmatched ( or \\(");
        return new Translation(out.toString(), groups, alternation, warnings, anchored);
    }

    private int ereSpecial(char c, int i) {
        switch (c) {
            case '(' -> openGroup();
            case ')' -> { if (open.isEmpty()) literal(c); else closeGroup(); }
            case '|' -> alternate();
            case '+', '?' -> { if (atomStart < 0) starWarning(c); else quantify(String.valueOf(c)); }
            case '{' -> {
                int close = s.indexOf('}', i);
                if (close < 0 || !s.substring(i + 1, close).matches("\\d*(,\\d*)?")) {
                    literal(c);
                } else if (atomStart < 0) {
                    literal(c);
                } else {
                    interval(s.substring(i + 1, close));
                    return close + 1;
                }
            }
            default -> literal(c);
        }
        return i + 1;
    }

    private void starWarning(char c) {
        warnings.add(c + " at start of expression");
    }

    /** Handles {@code \c}; {@code next} is the index after it. Returns the index to continue at. */
    private int escape(char c, int next) {
        if (!ere) {
            switch (c) {
                case '(' -> { openGroup(); return next; }
                case ')' -> {
                    if (open.isEmpty()) throw new SyntaxError("Unmatched ) or \\)");
                    closeGroup();
                    return next;
                }
                case '|' -> { alternate(); return next; }
                case '+', '?' -> {
                    if (atomStart < 0) literal(c); else quantify(String.valueOf(c));
                    return next;
                }
                case '{' -> {
                    int close = s.indexOf("\\}", next);
                    if (close < 0) throw new SyntaxError("Unmatched \\{");
                    if (atomStart < 0) throw new SyntaxError("Invalid preceding regular expression");
                    interval(s.substring(next, close));
                    return close + 2;
                }
                default -> { }
            }
        }
        if (c >= '1' && c <= '9') {
            int ref = c - '0';
            if (ref > closedGroups) throw new SyntaxError("Invalid back reference");
            atom("(?:\\" + (ref + opt.groupOffset) + ")");
            return next;
        }
        switch (c) {
            case '<' -> anchor("\\b(?=\\w)");
            case '>' -> anchor("\\b(?<=\\w)");
            case 'b' -> anchor("\\b");
            case 'B' -> anchor("\\B");
            case '`' -> { anchor("\\A"); anchored = true; }
            case '\'' -> { anchor("\\z"); anchored = true; }
            case 'w' -> atom(WORD);
            case 'W' -> atom(NOT_WORD);
            case 's' -> atom("[ \\t\\n\\r\\f\\x0B]");
            case 'S' -> atom("[^ \\t\\n\\r\\f\\x0B]");
            default -> {
                if (opt.sedEscapes) return sedEscape(c, next);
                literal(c);
            }
        }
        return next;
    }

    private int sedEscape(char c, int next) {
        switch (c) {
            case 'n' -> literal('\n');
            case 't' -> literal('\t');
            case 'f' -> literal('\f');
            case 'v' -> literal('\u000B');
            case 'a' -> literal('\u0007');
            case 'r' -> literal('\r');
            case 'd', 'o', 'x' -> {
                int radix = c == 'd' ? 10 : c == 'o' ? 8 : 16;
                int max = c == 'x' ? 2 : 3;
                int j = next;
                int v = 0;
                while (j < s.length() && j - next < max && Character.digit(s.charAt(j), radix) >= 0) {
                    v = v * radix + Character.digit(s.charAt(j), radix);
                    j++;
                }
                if (j == next) { literal(c); return next; }
                literal((char) (v & 0xff));
                return j;
            }
            case 'c' -> {
                if (next < s.length()) {
                    literal((char) (Character.toUpperCase(s.charAt(next)) ^ 0x40));
                    return next + 1;
                }
                literal(c);
            }
            default -> literal(c);
        }
        return next;
    }

    private void openGroup() {
        open.push(out.length());
        out.append('(');
        groups++;
        atomStart = -1;
        exprStart = true;
    }

    private void closeGroup() {
        int start = open.pop();
        out.append(')');
        closedGroups++;
        atomStart = start;
        quantified = false;
        exprStart = false;
    }

    private void alternate() {
        out.append('|');
        alternation = true;
        atomStart = -1;
        exprStart = true;
    }

    private void anchor(String regex) {
        out.append(regex);
        atomStart = -1;
        exprStart = false;
    }

    private void atom(String regex) {
        atomStart = out.length();
        out.append(regex);
        quantified = false;
        exprStart = false;
    }

    private void literal(char c) {
        atomStart = out.length();
        appendLiteral(out, c);
        quantified = false;
        exprStart = false;
    }

    private static void appendLiteral(StringBuilder sb, char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            sb.append(c);
        } else if (c > ' ' && c < 127) {
            sb.append('\\').append(c);
        } else {
            sb.append("\\x{").append(Integer.toHexString(c)).append('}');
        }
    }

    private void quantify(String q) {
        if (quantified) {
            out.insert(atomStart, "(?:");
            out.append(')');
        }
        out.append(q);
        quantified = true;
    }

    private void interval(String body) {
        if (!body.matches("\\d*(,\\d*)?")) throw new SyntaxError("Invalid content of \\{\\}");
        int comma = body.indexOf(',');
        String lo = comma < 0 ? body : body.substring(0, comma);
        String hi = comma < 0 ? body : body.substring(comma + 1);
        if (lo.isEmpty() && comma < 0) throw new SyntaxError("Invalid content of \\{\\}");
        long min = lo.isEmpty() ? 0 : Long.parseLong(lo);
        long max = hi.isEmpty() ? -1 : Long.parseLong(hi);
        if (min > 32767 || max > 32767) throw new SyntaxError("Regular expression too big");
        if (max >= 0 && max < min) throw new SyntaxError("Invalid content of \\{\\}");
        quantify("{" + min + "," + (max < 0 ? "" : String.valueOf(max)) + "}");
    }

    /** Parses a bracket expression starting at {@code i} ('['); returns the index after it. */
    private int bracket(int i) {
        int n = s.length();
        int j = i + 1;
        StringBuilder cls = new StringBuilder("[");
        if (j < n && s.charAt(j) == '^') {
            cls.append('^');
            if (opt.multiline) cls.append("\\n");
            j++;
        }
        if (j >= n) throw new SyntaxError("Invalid regular expression");
        boolean first = true;
        while (true) {
            if (j >= n) throw new SyntaxError("Unmatched [, [^, [:, [., or [=");
            char c = s.charAt(j);
            if (c == ']' && !first) break;
            first = false;
            int lo;
            if (c == '[' && j + 1 < n && (s.charAt(j + 1) == ':' || s.charAt(j + 1) == '=' || s.charAt(j + 1) == '.')) {
                char kind = s.charAt(j + 1);
                int end = s.indexOf(kind + "]", j + 2);
                if (end < 0) throw new SyntaxError("Unmatched [, [^, [:, [., or [=");
                String body = s.substring(j + 2, end);
                j = end + 2;
                if (kind == ':') {
                    cls.append(charClass(body));
                    continue;
                }
                if (body.length() != 1) throw new SyntaxError("Invalid collation character");
                lo = body.charAt(0);
            } else {
                lo = c;
                j++;
            }
            if (j + 1 < n && s.charAt(j) == '-' && s.charAt(j + 1) != ']') {
                int hi;
                char h = s.charAt(j + 1);
                if (h == '[' && j + 2 < n && (s.charAt(j + 2) == '.' || s.charAt(j + 2) == '=')) {
                    int end = s.indexOf(s.charAt(j + 2) + "]", j + 3);
                    if (end < 0) throw new SyntaxError("Unmatched [, [^, [:, [., or [=");
                    String body = s.substring(j + 3, end);
                    if (body.length() != 1) throw new SyntaxError("Invalid collation character");
                    hi = body.charAt(0);
                    j = end + 2;
                } else {
                    hi = h;
                    j += 2;
                }
                if (hi < lo) throw new SyntaxError("Invalid range end");
                appendClassChar(cls, (char) lo);
                cls.append('-');
                appendClassChar(cls, (char) hi);
            } else {
                appendClassChar(cls, (char) lo);
            }
        }
        cls.append(']');
        atom(cls.toString());
        return j + 1;
    }

    private static void appendClassChar(StringBuilder sb, char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            sb.append(c);
        } else if (c > ' ' && c < 127) {
            sb.append('\\').append(c);
        } else {
            sb.append("\\x{").append(Integer.toHexString(c)).append('}');
        }
    }

    private static String charClass(String name) {
        return switch (name) {
            case "alpha" -> "\\p{Alpha}";
            case "digit" -> "0-9";
            case "alnum" -> "\\p{Alnum}";
            case "upper" -> "\\p{Upper}";
            case "lower" -> "\\p{Lower}";
            case "space" -> " \\t\\n\\r\\f\\x0B";
            case "blank" -> " \\t";
            case "punct" -> "\\p{Punct}";
            case "print" -> "\\x20-\\x7E";
            case "graph" -> "\\x21-\\x7E";
            case "cntrl" -> "\\x00-\\x1F\\x7F";
            case "xdigit" -> "0-9A-Fa-f";
            default -> throw new SyntaxError("Invalid character class name");
        };
    }
}
