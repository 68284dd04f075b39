package dev.agentos.commands.data;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** POSIX basic regular expressions (with GNU's \| \+ \? extensions), translated to java.util.regex. */
final class Bre {
    /** A regex the translator refuses, with GNU regcomp's message. */
    static final class BadRegex extends Exception {
        private static final long serialVersionUID = 1L;

        BadRegex(String message) {
            super(message, null, false, false);
        }
    }

    private Bre() {}

    static Pattern compile(String bre) throws BadRegex {
        String java = translate(bre);
        try {
            return Pattern.compile(java, Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new BadRegex("Invalid regular expression");
        }
    }

    static int groupCount(String bre) throws BadRegex {
        return compile(bre).matcher("").groupCount();
    }

    static String translate(String re) throws BadRegex {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean atStart = true; // where * is literal and ^ is an anchor
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            boolean nextAtStart = false;
            if (c == '\\') {
                if (++i >= re.length()) throw new BadRegex("Trailing backslash");
                char e = re.charAt(i);
                switch (e) {
                    case '(' -> {
                        out.append('(');
                        depth++;
                        nextAtStart = true;
                    }
                    case ')' -> {
                        if (depth == 0) throw new BadRegex("Unmatched ) or \\)");
                        out.append(')');
                        depth--;
                    }
                    case '|' -> {
                        out.append('|');
                        nextAtStart = true;
                    }
                    case '{' -> {
                        int close = re.indexOf("\\}", i);
                        if (close < 0) throw new BadRegex("Unmatched \\{");
                        String body = re.substring(i + 1, close);
                        if (!body.matches("\\d*(,\\d*)?") || body.isEmpty() || body.startsWith(",") && body.length() == 1) {
                            throw new BadRegex("Invalid content of \\{\\}");
                        }
                        if (atStart) throw new BadRegex("Invalid preceding regular expression");
                        out.append('{').append(body.startsWith(",") ? "0" + body : body).append('}');
                        i = close + 1;
                    }
                    case '+', '?' -> {
                        if (atStart) out.append('\\').append(e);
                        else out.append(e);
                    }
                    case '<' -> out.append("\\b(?=\\w)");
                    case '>' -> out.append("\\b(?<=\\w)");
                    case 'b', 'B', 'w', 'W', 's', 'S' -> out.append('\\').append(e);
                    case '`' -> out.append("\\A");
                    case '\'' -> out.append("\\z");
                    default -> {
                        if (e >= '1' && e <= '9') out.append('\\').append(e);
                        else out.append(quoteChar(e));
                    }
                }
            } else if (c == '*') {
                out.append(atStart ? "\\*" : "*");
            } else if (c == '^') {
                out.append(atStart ? "^" : "\\^");
                nextAtStart = atStart;
            } else if (c == '$') {
                boolean end = i == re.length() - 1 || re.startsWith("\\)", i + 1) || re.startsWith("\\|", i + 1);
                out.append(end ? "$" : "\\$");
            } else if (c == '[') {
                i = bracket(re, i, out);
            } else if (c == '.') {
                out.append('.');
            } else {
                out.append(quoteChar(c));
            }
            atStart = nextAtStart;
        }
        if (depth > 0) throw new BadRegex("Unmatched ( or \\(");
        return out.toString();
    }

    private static String quoteChar(char c) {
        return Character.isLetterOrDigit(c) || c == ' ' ? String.valueOf(c) : "\\x{" + Integer.toHexString(c) + "}";
    }

    private static int bracket(String re, int start, StringBuilder out) throws BadRegex {
        int i = start + 1;
        StringBuilder sb = new StringBuilder("[");
        if (i < re.length() && re.charAt(i) == '^') {
            sb.append('^');
            i++;
        }
        boolean first = true;
        while (true) {
            if (i >= re.length()) throw new BadRegex("Unmatched [, [^, [:, [., or [=");
            char c = re.charAt(i);
            if (c == ']' && !first) break;
            if (c == '[' && i + 1 < re.length() && re.charAt(i + 1) == ':') {
                int close = re.indexOf(":]", i + 2);
                if (close < 0) throw new BadRegex("Unmatched [, [^, [:, [., or [=");
                String cls = re.substring(i + 2, close);
                String p = switch (cls) {
                    case "alpha" -> "\\p{Alpha}";
                    case "digit" -> "\\p{Digit}";
                    case "alnum" -> "\\p{Alnum}";
                    case "upper" -> "\\p{Upper}";
                    case "lower" -> "\\p{Lower}";
                    case "space" -> "\\s\\x{0b}";
                    case "blank" -> " \\t";
                    case "punct" -> "\\p{Punct}";
                    case "print" -> "\\p{Print}";
                    case "graph" -> "\\p{Graph}";
                    case "cntrl" -> "\\p{Cntrl}";
                    case "xdigit" -> "\\p{XDigit}";
                    default -> throw new BadRegex("Invalid character class name");
                };
                sb.append(p);
                i = close + 2;
            } else if (c == '-' && !first && i + 1 < re.length() && re.charAt(i + 1) != ']') {
                sb.append('-');
                i++;
            } else {
                sb.append("\\x{").append(Integer.toHexString(c)).append('}');
                i++;
            }
            first = false;
        }
        out.append(sb).append(']');
        return i;
    }
}
