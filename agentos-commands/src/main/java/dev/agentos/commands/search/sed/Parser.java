package dev.agentos.commands.search.sed;

import dev.agentos.commands.search.regex.PosixRegex;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the sed language (GNU 4.9 dialect) into a {@link Script}. The program text is Latin-1 (one char
 * per byte). Errors are {@link SedError}s worded as GNU sed words them, with the char position.
 */
final class Parser {
    /** A script error: GNU's message, located as GNU locates it. */
    static final class SedError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final int status;

        SedError(String message) {
            this(message, 1);
        }

        SedError(String message, int status) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** One -e or -f chunk of the program. */
    record Chunk(String text, String fileName) {}

    private final boolean extended;
    private final Script script = new Script();
    private final Deque<Integer> blocks = new ArrayDeque<>();
    private final Map<String, Integer> labels = new HashMap<>();
    private String s;
    private int i;
    private String where;
    private int expressionNo;
    private boolean fromFile;

    /** --sandbox: the commands that reach files or run programs (e r R w W, s///e, s///w) are refused. */
    private final boolean sandbox;

    Parser(boolean extended) {
        this(extended, false);
    }

    Parser(boolean extended, boolean sandbox) {
        this.extended = extended;
        this.sandbox = sandbox;
    }

    private void checkSandbox(int pos) {
        if (sandbox) throw error("e/r/w commands disabled in sandbox mode", pos);
    }

    Script parse(List<Chunk> chunks) {
        // GNU joins -e chunks with newlines; a/i/c text may continue into the next chunk.
        StringBuilder all = new StringBuilder();
        List<int[]> bounds = new ArrayList<>();
        for (Chunk c : chunks) {
            int start = all.length();
            all.append(c.text);
            bounds.add(new int[] {start, all.length()});
            all.append('\n');
        }
        s = all.toString();
        i = 0;
        int chunkIx = 0;
        expressionNo = 0;
        if (s.startsWith("#n\n") && chunks.get(0).text.startsWith("#n")) script.quietFromComment = true;
        while (true) {
            while (chunkIx < bounds.size() && i > bounds.get(chunkIx)[1]) chunkIx++;
            if (i >= s.length()) break;
            Chunk c = chunks.get(Math.min(chunkIx, chunks.size() - 1));
            chunkBase = bounds.get(Math.min(chunkIx, bounds.size() - 1))[0];
            fromFile = c.fileName != null;
            where = fromFile ? "file " + c.fileName + " line " : "-e expression #" + (countExpressions(chunks, chunkIx)) + ", char ";
            parseCommand();
        }
        if (!blocks.isEmpty()) {
            i = 0;
            chunkBase = 0;
            throw error("unmatched `{'", 0);
        }
        for (Script.Command c : script.commands) {
            if ((c.op == 'b' || c.op == 't' || c.op == 'T') && c.text != null) {
                Integer target = labels.get(c.text);
                if (target == null) throw new SedError("can't find label for jump to `" + c.text + "'", 4);
                c.jump = target;
            }
        }
        return script;
    }

    private int chunkBase;

    private static int countExpressions(List<Chunk> chunks, int ix) {
        int n = 0;
        for (int k = 0; k <= ix && k < chunks.size(); k++) if (chunks.get(k).fileName == null) n++;
        return n;
    }

    private SedError error(String message) {
        return error(message, i - chunkBase);
    }

    private SedError error(String message, int pos) {
        if (fromFile) {
            int line = 1;
            for (int k = chunkBase; k < Math.min(i, s.length()); k++) if (s.charAt(k) == '\n') line++;
            return new SedError(where + line + ": " + message);
        }
        return new SedError(where + pos + ": " + message);
    }

    private boolean eof() { return i >= s.length(); }
    private char peek() { return s.charAt(i); }

    private void skipSpace() {
        while (!eof() && (peek() == ' ' || peek() == '\t')) i++;
    }

    private void parseCommand() {
        while (!eof() && (Character.isWhitespace(peek()) || peek() == ';')) i++;
        if (eof()) return;
        Script.Command cmd = new Script.Command();
        if (peek() == '#') {
            while (!eof() && peek() != '\n') i++;
            return;
        }
        cmd.a1 = address();
        if (cmd.a1 != null) {
            skipSpace();
            if (!eof() && peek() == ',') {
                i++;
                skipSpace();
                cmd.a2 = address2();
                if (cmd.a2 == null) throw error("unexpected `,'", i - chunkBase + 1);
            }
        }
        skipSpace();
        while (!eof() && peek() == '!') {
            cmd.negate = true;
            i++;
            skipSpace();
        }
        if (eof()) throw error("missing command");
        char op = s.charAt(i++);
        cmd.op = op;
        if (cmd.a1 != null && cmd.a1.kind() == Script.AddrKind.ZERO
                && (cmd.a2 == null || cmd.a2.kind() != Script.AddrKind.REGEX)) {
            throw error("invalid usage of line address 0");
        }
        switch (op) {
            case '{' -> {
                blocks.push(script.commands.size());
                script.commands.add(cmd);
                return;
            }
            case '}' -> {
                if (cmd.a1 != null) throw error("} doesn't want any addresses");
                if (blocks.isEmpty()) throw error("unexpected `}'");
                script.commands.get(blocks.pop()).jump = script.commands.size() + 1;
                script.commands.add(cmd);
                endOfCommand();
                return;
            }
            case '=', 'd', 'D', 'g', 'G', 'h', 'H', 'n', 'N', 'p', 'P', 'x', 'z', 'F' -> endOfCommand();
            case ':' -> {
                if (cmd.a1 != null) throw error(": doesn't want any addresses");
                skipSpace();
                String label = readLabel();
                if (label.isEmpty()) throw error("\":\" lacks a label");
                labels.put(label, script.commands.size());
            }
            case 'b', 't', 'T' -> {
                skipSpace();
                String label = readLabel();
                cmd.text = label.isEmpty() ? null : label;
            }
            case 'a', 'i', 'c' -> cmd.textBytes = text(op);
            case 'q', 'Q', 'l', 'L' -> {
                if ((op == 'q' || op == 'Q') && cmd.a2 != null) throw error("command only uses one address");
                skipSpace();
                int start = i;
                while (!eof() && Character.isDigit(peek())) i++;
                if (i > start) cmd.intArg = Integer.parseInt(s.substring(start, i));
                endOfCommand();
            }
            case 'r', 'R', 'w', 'W' -> {
                checkSandbox(i - chunkBase);
                cmd.text = fileName();
                if (cmd.text.isEmpty()) throw error("missing filename in r/R/w/W commands");
            }
            case 's' -> cmd.subst = substitute();
            case 'y' -> cmd.ymap = transliterate();
            case 'e' -> {
                checkSandbox(i - chunkBase);
                skipSpace();
                cmd.text = fileName();
            }
            case 'v' -> readLabel();
            default -> {
                i--;
                throw error("unknown command: `" + op + "'", i - chunkBase + 1);
            }
        }
        if (op == ':' || op == 'v') {
            return;
        }
        script.commands.add(cmd);
    }

    private void endOfCommand() {
        skipSpace();
        if (eof()) return;
        char c = peek();
        if (c == ';' || c == '\n' || c == '\r') {
            i++;
            return;
        }
        if (c == '}' || c == '#') return;
        i++;
        throw error("extra characters after command");
    }

    private String readLabel() {
        int start = i;
        while (!eof() && peek() != '\n' && peek() != ';') i++;
        String label = s.substring(start, i).strip();
        if (!eof()) i++;
        return label;
    }

    private String fileName() {
        skipSpace();
        int start = i;
        while (!eof() && peek() != '\n') i++;
        String name = s.substring(start, i);
        if (!eof()) i++;
        return name;
    }

    private byte[] text(char op) {
        skipSpace();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (eof() || peek() == '\n') throw error("expected \\ after `a', `c' or `i'");
        if (peek() == '\\') {
            i++;
            if (!eof() && peek() == '\n') i++;
        }
        if (eof()) throw error("expected \\ after `a', `c' or `i'");
        while (!eof()) {
            char c = s.charAt(i++);
            if (c == '\\') {
                if (eof()) break;
                char d = s.charAt(i++);
                out.write(d);
            } else if (c == '\n') {
                break;
            } else {
                out.write(c);
            }
        }
        out.write('\n');
        return out.toByteArray();
    }

    private Script.Address address() {
        if (eof()) return null;
        char c = peek();
        if (Character.isDigit(c)) {
            long n = number();
            if (!eof() && peek() == '~') {
                i++;
                long step = Character.isDigit(eof() ? ' ' : peek()) ? number() : 0;
                return new Script.Address(Script.AddrKind.STEP, n, step, null);
            }
            return new Script.Address(n == 0 ? Script.AddrKind.ZERO : Script.AddrKind.LINE, n, 0, null);
        }
        if (c == '$') {
            i++;
            return new Script.Address(Script.AddrKind.LAST, 0, 0, null);
        }
        if (c == '/' || c == '\\') {
            i++;
            char delim = '/';
            if (c == '\\') {
                if (eof()) throw error("unexpected `,'");
                delim = s.charAt(i++);
            }
            String re = delimited(delim, "unterminated address regex");
            boolean icase = false;
            boolean multi = false;
            while (!eof() && (peek() == 'I' || peek() == 'M')) {
                if (peek() == 'I') icase = true; else multi = true;
                i++;
            }
            return new Script.Address(Script.AddrKind.REGEX, 0, 0, regex(re, icase, multi));
        }
        return null;
    }

    private Script.Address address2() {
        if (eof()) return null;
        char c = peek();
        if (c == '+' || c == '~') {
            i++;
            if (eof() || !Character.isDigit(peek())) throw error("expected newer version of sed");
            long n = number();
            return new Script.Address(c == '+' ? Script.AddrKind.PLUS : Script.AddrKind.TILDE, n, 0, null);
        }
        Script.Address a = address();
        if (a != null && a.kind() == Script.AddrKind.ZERO) throw error("invalid usage of line address 0");
        if (a != null && a.kind() == Script.AddrKind.STEP) {
            return new Script.Address(Script.AddrKind.LINE, a.n(), 0, null);
        }
        return a;
    }

    private long number() {
        int start = i;
        while (!eof() && Character.isDigit(peek())) i++;
        try {
            return Long.parseLong(s.substring(start, i));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Reads up to an unescaped delimiter; {@code \delim} becomes delim, and a newline \n. */
    private String delimited(char delim, String unterminated) {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (eof()) throw error(unterminated);
            char c = s.charAt(i++);
            if (c == delim) return sb.toString();
            if (c == '\\') {
                if (eof()) throw error(unterminated);
                char d = s.charAt(i++);
                if (d == delim) {
                    sb.append(d);
                } else if (d == '\n') {
                    sb.append("\\n");
                } else {
                    sb.append('\\').append(d);
                }
            } else if (c == '\n' && !inBracketTolerant()) {
                i--;
                throw error(unterminated);
            } else {
                sb.append(c);
            }
        }
    }

    private boolean inBracketTolerant() {
        return false;
    }

    private Script.Regex lastParsed;

    private Script.Regex regex(String re, boolean icase, boolean multi) {
        if (re.isEmpty()) return null;
        PosixRegex.Options opts = new PosixRegex.Options(extended ? PosixRegex.Syntax.EXTENDED : PosixRegex.Syntax.BASIC,
                multi, true, 0);
        try {
            PosixRegex.Translation t = PosixRegex.translate(re, opts);
            Pattern p = PosixRegex.compile(t, opts, icase);
            lastParsed = new Script.Regex(p, t.alternation(), t.groups());
            return lastParsed;
        } catch (PosixRegex.SyntaxError e) {
            throw error(e.getMessage());
        } catch (java.util.regex.PatternSyntaxException e) {
            throw error("Invalid regular expression");
        }
    }

    private Script.Subst substitute() {
        if (eof()) throw error("unterminated `s' command");
        char delim = s.charAt(i++);
        if (delim == '\n' || delim == '\\') throw error("unterminated `s' command");
        String re = delimited(delim, "unterminated `s' command");
        Script.Subst sub = new Script.Subst();
        sub.replacement = replacement(delim, sub);
        boolean icase = false;
        boolean multi = false;
        boolean numberSeen = false;
        boolean regexDone = false;
        while (!eof()) {
            char f = peek();
            if (f == 'g') {
                if (sub.global) throw error("multiple `g' options to `s' command", i - chunkBase + 1);
                sub.global = true;
                i++;
            } else if (f == 'p') {
                if (sub.print) throw error("multiple `p' options to `s' command", i - chunkBase + 1);
                sub.print = true;
                i++;
            } else if (f == 'i' || f == 'I') {
                icase = true;
                i++;
            } else if (f == 'm' || f == 'M') {
                multi = true;
                i++;
            } else if (f == 'e') {
                checkSandbox(i - chunkBase + 1);
                sub.eval = true;
                i++;
            } else if (Character.isDigit(f)) {
                if (numberSeen) throw error("multiple number options to `s' command", i - chunkBase + 1);
                long n = number();
                if (n == 0) throw error("number option to `s' command may not be zero");
                sub.occurrence = n;
                numberSeen = true;
            } else if (f == 'w') {
                checkSandbox(i - chunkBase + 1);
                i++;
                sub.wfile = fileName();
                if (sub.wfile.isEmpty()) throw error("missing filename in r/R/w/W commands");
                break;
            } else if (f == ';' || f == '\n' || f == '}' || f == '#' || f == ' ' || f == '\t' || f == '\r') {
                finishSubst(sub, re, icase, multi);
                endOfCommand();
                regexDone = true;
                break;
            } else {
                i++;
                throw error("unknown option to `s'");
            }
        }
        if (!regexDone) finishSubst(sub, re, icase, multi);
        return sub;
    }

    private void finishSubst(Script.Subst sub, String re, boolean icase, boolean multi) {
        sub.regex = regex(re, icase, multi);
        int groups = sub.regex == null ? 9 : sub.regex.groups;
        for (Script.Part p : sub.replacement) {
            if (p instanceof Script.Part.Group g && g.n() > groups) {
                throw error("invalid reference \\" + g.n() + " on `s' command's RHS");
            }
        }
    }

    private List<Script.Part> replacement(char delim, Script.Subst sub) {
        List<Script.Part> parts = new ArrayList<>();
        ByteArrayOutputStream lit = new ByteArrayOutputStream();
        while (true) {
            if (eof()) throw error("unterminated `s' command");
            char c = s.charAt(i++);
            if (c == delim) break;
            if (c == '&') {
                flush(parts, lit);
                parts.add(new Script.Part.Group(0));
            } else if (c == '\\') {
                if (eof()) throw error("unterminated `s' command");
                char d = s.charAt(i++);
                if (d == delim) {
                    lit.write(d);
                } else if (d >= '0' && d <= '9') {
                    flush(parts, lit);
                    parts.add(new Script.Part.Group(d - '0'));
                } else if (d == 'L' || d == 'U' || d == 'E' || d == 'l' || d == 'u') {
                    flush(parts, lit);
                    parts.add(new Script.Part.Case(d));
                    sub.hasCase = true;
                } else {
                    switch (d) {
                        case 'n', '\n' -> lit.write('\n');
                        case 't' -> lit.write('\t');
                        case 'r' -> lit.write('\r');
                        case 'f' -> lit.write('\f');
                        case 'v' -> lit.write(0x0b);
                        case 'a' -> lit.write(7);
                        case 'c' -> {
                            if (!eof()) lit.write(Character.toUpperCase(s.charAt(i++)) ^ 0x40);
                        }
                        case 'o', 'd', 'x' -> {
                            int radix = d == 'o' ? 8 : d == 'd' ? 10 : 16;
                            int max = d == 'x' ? 2 : 3;
                            int start = i;
                            int v = 0;
                            while (!eof() && i - start < max && Character.digit(peek(), radix) >= 0) {
                                v = v * radix + Character.digit(s.charAt(i++), radix);
                            }
                            if (i == start) lit.write(d); else lit.write(v & 0xff);
                        }
                        default -> lit.write(d);
                    }
                }
            } else if (c == '\n') {
                i--;
                throw error("unterminated `s' command");
            } else {
                lit.write(c);
            }
        }
        flush(parts, lit);
        return parts;
    }

    private static void flush(List<Script.Part> parts, ByteArrayOutputStream lit) {
        if (lit.size() > 0) {
            parts.add(new Script.Part.Literal(lit.toByteArray()));
            lit.reset();
        }
    }

    private byte[] transliterate() {
        if (eof()) throw error("unterminated `y' command");
        char delim = s.charAt(i++);
        String src = yString(delim);
        String dst = yString(delim);
        if (src.length() != dst.length()) throw error("strings for `y' command are different lengths");
        byte[] map = new byte[256];
        for (int k = 0; k < 256; k++) map[k] = (byte) k;
        for (int k = 0; k < src.length(); k++) map[src.charAt(k) & 0xff] = (byte) dst.charAt(k);
        endOfCommand();
        return map;
    }

    private String yString(char delim) {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (eof()) throw error("unterminated `y' command");
            char c = s.charAt(i++);
            if (c == delim) return sb.toString();
            if (c == '\n') {
                i--;
                throw error("unterminated `y' command");
            }
            if (c == '\\') {
                if (eof()) throw error("unterminated `y' command");
                char d = s.charAt(i++);
                switch (d) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '\\' -> sb.append('\\');
                    default -> {
                        if (d == delim) sb.append(d);
                        else throw error("unknown option to `y'");
                    }
                }
            } else {
                sb.append(c);
            }
        }
    }
}
