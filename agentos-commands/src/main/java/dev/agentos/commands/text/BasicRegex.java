package dev.agentos.commands.text;

/** Translates a POSIX basic regular expression into java.util.regex syntax (as GNU tools read it). */
final class BasicRegex {
    private BasicRegex() {}

    static String toJava(String bre) {
        StringBuilder sb = new StringBuilder();
        boolean inBracket = false;
        for (int i = 0; i < bre.length(); i++) {
            char c = bre.charAt(i);
            if (inBracket) {
                if (c == ']' && sb.charAt(sb.length() - 1) != '[' && !(sb.length() >= 2 && sb.charAt(sb.length() - 1) == '^' && sb.charAt(sb.length() - 2) == '[')) {
                    inBracket = false;
                    sb.append(']');
                } else if (c == '[' && i + 1 < bre.length() && bre.charAt(i + 1) == ':') {
                    int end = bre.indexOf(":]", i + 2);
                    if (end > 0) {
                        sb.append("\\p{").append(posixClass(bre.substring(i + 2, end))).append('}');
                        i = end + 1;
                    } else sb.append("\\[");
                } else if (c == '\\' || c == '[' || c == '&' || c == '~') {
                    sb.append('\\').append(c);
                } else sb.append(c);
                continue;
            }
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= bre.length()) { sb.append("\\\\"); break; }
                    char n = bre.charAt(++i);
                    switch (n) {
                        case '(', ')', '{', '}', '|' -> sb.append(n);
                        case '+', '?' -> sb.append(n);
                        case 'n' -> sb.append("\\n");
                        case 't' -> sb.append("\\t");
                        case 'w', 'W', 's', 'S', 'b', 'B' -> sb.append('\\').append(n);
                        case '<' -> sb.append("\\b(?=\\w)");
                        case '>' -> sb.append("\\b(?<=\\w)");
                        default -> {
                            if (Character.isDigit(n)) sb.append('\\').append(n);
                            else sb.append(java.util.regex.Pattern.quote(String.valueOf(n)));
                        }
                    }
                }
                case '[' -> {
                    inBracket = true;
                    sb.append('[');
                    if (i + 1 < bre.length() && bre.charAt(i + 1) == '^') { sb.append('^'); i++; }
                    if (i + 1 < bre.length() && bre.charAt(i + 1) == ']') { sb.append("\\]"); i++; }
                }
                case '(', ')', '{', '}', '|', '+', '?' -> sb.append('\\').append(c);
                case '*' -> {
                    if (sb.isEmpty() || (i > 0 && bre.charAt(i - 1) == '^' && sb.charAt(sb.length() - 1) == '^')) sb.append("\\*");
                    else sb.append('*');
                }
                case '^' -> {
                    if (i == 0 || bre.startsWith("\\(", i - 2) || bre.startsWith("\\|", i - 2)) sb.append('^');
                    else sb.append("\\^");
                }
                case '$' -> {
                    if (i == bre.length() - 1 || bre.startsWith("\\)", i + 1) || bre.startsWith("\\|", i + 1)) sb.append('$');
                    else sb.append("\\$");
                }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String posixClass(String name) {
        return switch (name) {
            case "alpha" -> "Alpha";
            case "digit" -> "Digit";
            case "alnum" -> "Alnum";
            case "upper" -> "Upper";
            case "lower" -> "Lower";
            case "space" -> "Space";
            case "blank" -> "Blank";
            case "punct" -> "Punct";
            case "print" -> "Print";
            case "graph" -> "Graph";
            case "cntrl" -> "Cntrl";
            case "xdigit" -> "XDigit";
            default -> "Alpha";
        };
    }
}
