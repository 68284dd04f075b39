package dev.agentos.commands.awk;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Translates POSIX EREs with gawk's extensions to java.util.regex patterns. */
final class AwkRegex {
    private AwkRegex() {}

    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "0-9"), Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", " \\t\\n\\r\\f\\x0B"),
            Map.entry("blank", " \\t"), Map.entry("punct", "\\p{Punct}"), Map.entry("print", "\\x20-\\x7E"),
            Map.entry("graph", "\\x21-\\x7E"), Map.entry("cntrl", "\\x00-\\x1F\\x7F"), Map.entry("xdigit", "0-9A-Fa-f"));

    /** Top-level alternatives of patterns that have them, for POSIX leftmost-longest matching. */
    private static final Map<Pattern, Pattern[]> ALTERNATIVES = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    static Pattern compile(String ere, boolean ignoreCase) {
        String j = translate(ere);
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        try {
            Pattern p = Pattern.compile(j, flags);
            java.util.List<String> alts = topLevelAlternatives(j);
            if (alts.size() > 1) {
                Pattern[] ps = new Pattern[alts.size()];
                for (int i = 0; i < ps.length; i++) ps[i] = Pattern.compile(alts.get(i), flags);
                ALTERNATIVES.put(p, ps);
            }
            return p;
        } catch (PatternSyntaxException e) {
            throw new AwkFatal("invalid regexp: " + e.getDescription() + ": /" + ere + "/");
        }
    }

    /**
     * The end of the longest match starting where {@code m} matched: java.util.regex takes the first
     * alternative that matches, POSIX the longest, so top-level alternatives are tried in turn.
     */
    static int longestEnd(java.util.regex.Matcher m, String s) {
        Pattern[] alts = ALTERNATIVES.get(m.pattern());
        int best = m.end();
        if (alts == null) return best;
        for (Pattern alt : alts) {
            java.util.regex.Matcher am = alt.matcher(s);
            am.useTransparentBounds(true);
            am.useAnchoringBounds(false);
            am.region(m.start(), s.length());
            if (am.lookingAt() && am.end() > best) best = am.end();
        }
        return best;
    }

    private static java.util.List<String> topLevelAlternatives(String j) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int depth = 0, start = 0;
        boolean inClass = false;
        for (int i = 0; i < j.length(); i++) {
            char c = j.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                if (c == ']') inClass = false;
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < j.length() && j.charAt(i + 1) == '^') i++;
                if (i + 1 < j.length() && j.charAt(i + 1) == ']') i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(j.substring(start, i));
                start = i + 1;
            }
        }
        out.add(j.substring(start));
        return out;
    }

    static String translate(String re) {
        StringBuilder sb = new StringBuilder(re.length() + 8);
        int n = re.length();
        boolean atStart = true; // where a quantifier would be literal
        boolean afterQuantifier = false;
        int depth = 0;
        for (int i = 0; i < n; i++) {
            char c = re.charAt(i);
            boolean nextAtStart = false;
            boolean quantifier = false;
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= n) throw new AwkFatal("invalid regexp: Trailing backslash: /" + re + "/");
                    char e = re.charAt(++i);
                    switch (e) {
                        case 'y' -> sb.append("\\b");
                        case 'B' -> sb.append("\\B");
                        case '<' -> sb.append("\\b(?=\\w)");
                        case '>' -> sb.append("\\b(?<=\\w)");
                        case '`' -> sb.append("\\A");
                        case '\'' -> sb.append("\\z");
                        case 's', 'S', 'w', 'W' -> sb.append('\\').append(e);
                        case 'n' -> sb.append("\\n");
                        case 't' -> sb.append("\\t");
                        case 'r' -> sb.append("\\r");
                        case 'f' -> sb.append("\\f");
                        case 'v' -> sb.append("\\x0B");
                        case 'a' -> sb.append("\\x07");
                        case 'b' -> sb.append("\\x08");
                        default -> {
                            if (e >= '0' && e <= '7') {
                                int v = e - '0', k = 1;
                                while (k < 3 && i + 1 < n && re.charAt(i + 1) >= '0' && re.charAt(i + 1) <= '7') {
                                    v = v * 8 + (re.charAt(++i) - '0');
                                    k++;
                                }
                                literal(sb, (char) v);
                            } else {
                                literal(sb, e);
                            }
                        }
                    }
                }
                case '[' -> i = bracket(re, i, sb);
                case '*', '+', '?' -> {
                    if (atStart) literal(sb, c);
                    else if (!afterQuantifier) sb.append(c);
                    quantifier = !atStart;
                }
                case '{' -> {
                    int close = re.indexOf('}', i);
                    if (!atStart && close > 0 && re.substring(i + 1, close).matches("\\d+(,\\d*)?|,\\d+")) {
                        String body = re.substring(i + 1, close);
                        if (body.startsWith(",")) body = "0" + body;
                        sb.append('{').append(body).append('}');
                        i = close;
                        quantifier = true;
                    } else {
                        sb.append("\\{");
                    }
                }
                case '}' -> sb.append("\\}");
                case '(' -> {
                    sb.append('(');
                    nextAtStart = true;
                    depth++;
                }
                case ')' -> {
                    if (depth == 0) {
                        sb.append("\\)");
                    } else {
                        sb.append(')');
                        depth--;
                    }
                }
                case '|' -> { sb.append('|'); nextAtStart = true; }
                case '^' -> { sb.append('^'); nextAtStart = true; }
                default -> sb.append(c);
            }
            atStart = nextAtStart;
            afterQuantifier = quantifier;
        }
        if (depth > 0) throw new AwkFatal("invalid regexp: Unmatched ( or \\(: /" + re + "/");
        return sb.toString();
    }

    private static void literal(StringBuilder sb, char c) {
        if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) sb.append('\\').append(c);
        else if (c < 32 || c > 126) sb.append(String.format("\\x{%x}", (int) c));
        else sb.append(c);
    }

    /** Translates the bracket expression starting at re[i] ('['); returns the index of its ']'. */
    private static int bracket(String re, int i, StringBuilder sb) {
        int n = re.length();
        int j = i + 1;
        StringBuilder cls = new StringBuilder("[");
        if (j < n && re.charAt(j) == '^') { cls.append('^'); j++; }
        boolean first = true;
        while (j < n) {
            char c = re.charAt(j);
            if (c == ']' && !first) {
                if (cls.length() == 1 || (cls.length() == 2 && cls.charAt(1) == '^')) break;
                cls.append(']');
                sb.append(cls);
                return j;
            }
            first = false;
            if (c == '[' && j + 1 < n && re.charAt(j + 1) == ':') {
                int close = re.indexOf(":]", j + 2);
                if (close > 0) {
                    String name = re.substring(j + 2, close);
                    String t = CLASSES.get(name);
                    if (t == null) throw new AwkFatal("invalid regexp: Invalid character class name: /" + re + "/");
                    cls.append(t);
                    j = close + 2;
                    continue;
                }
            }
            if (c == '[' && j + 1 < n && (re.charAt(j + 1) == '.' || re.charAt(j + 1) == '=')) {
                int close = re.indexOf(re.charAt(j + 1) + "]", j + 2);
                if (close > 0) {
                    for (char x : re.substring(j + 2, close).toCharArray()) classChar(cls, x);
                    j = close + 2;
                    continue;
                }
            }
            if (c == '\\' && j + 1 < n) {
                char e = re.charAt(++j);
                switch (e) {
                    case 'n' -> cls.append("\\n");
                    case 't' -> cls.append("\\t");
                    case 'r' -> cls.append("\\r");
                    case 'f' -> cls.append("\\f");
                    case 'v' -> cls.append("\\x0B");
                    case 'a' -> cls.append("\\x07");
                    case 'b' -> cls.append("\\x08");
                    case 's', 'S', 'w', 'W' -> cls.append('\\').append(e);
                    default -> classChar(cls, e);
                }
                j++;
                continue;
            }
            if (c == '-') {
                // a range dash stays; a dash at the start or end is literal
                boolean atEnd = j + 1 < n && re.charAt(j + 1) == ']';
                boolean atBegin = cls.length() == 1 || (cls.length() == 2 && cls.charAt(1) == '^');
                if (atEnd || atBegin) cls.append("\\-");
                else cls.append('-');
                j++;
                continue;
            }
            classChar(cls, c);
            j++;
        }
        // no closing bracket: gawk reports an unmatched [
        if (i + 1 >= n) throw new AwkFatal("invalid regexp: Invalid regular expression: /" + re + "/");
        throw new AwkFatal("invalid regexp: Unmatched [, [^, [:, [., or [=: /" + re + "/");
    }

    private static void classChar(StringBuilder cls, char c) {
        if ("[]\\^&-".indexOf(c) >= 0) cls.append('\\').append(c);
        else if (c < 32 || c > 126) cls.append(String.format("\\x{%x}", (int) c));
        else cls.append(c);
    }
}
