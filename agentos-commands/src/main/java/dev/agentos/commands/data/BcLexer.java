package dev.agentos.commands.data;

import java.util.ArrayList;
import java.util.List;

/** Splits bc source into tokens: numbers, names, strings, operators and newlines (comments dropped). */
final class BcLexer {
    /** A token; {@code kind} is "num", "name", "str", "op" or "nl". */
    record Token(String kind, String text, int line) {}

    private static final List<String> OPS = List.of("++", "--", "+=", "-=", "*=", "/=", "%=", "^=", "==", "!=", "<=", ">=",
            "&&", "||", "+", "-", "*", "/", "%", "^", "=", "<", ">", "!", "(", ")", "{", "}", "[", "]", ",", ";");

    private BcLexer() {}

    static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                out.add(new Token("nl", "\n", line++));
                i++;
            } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i += 2;
                line++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') i++;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (int k = i; k < end; k++) if (s.charAt(k) == '\n') line++;
                i = end;
            } else if (Character.isDigit(c) || (c >= 'A' && c <= 'F') || c == '.') {
                int j = i;
                while (j < s.length()) {
                    char d = s.charAt(j);
                    if (Character.isDigit(d) || (d >= 'A' && d <= 'F') || d == '.') j++;
                    else if (d == '\\' && j + 1 < s.length() && s.charAt(j + 1) == '\n') j += 2;
                    else break;
                }
                String num = s.substring(i, j).replace("\\\n", "");
                out.add(num.equals(".") ? new Token("name", "last", line) : new Token("num", num, line));
                i = j;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
                out.add(new Token("name", s.substring(i, j), line));
                i = j;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) end = s.length();
                String str = s.substring(i + 1, end);
                out.add(new Token("str", str, line));
                for (char k : str.toCharArray()) if (k == '\n') line++;
                i = end + 1;
            } else {
                String op = null;
                for (String o : OPS) {
                    if (s.startsWith(o, i)) {
                        op = o;
                        break;
                    }
                }
                if (op == null) op = String.valueOf(c);
                out.add(new Token("op", op, line));
                i += op.length();
            }
        }
        out.add(new Token("nl", "\n", line));
        return out;
    }
}
