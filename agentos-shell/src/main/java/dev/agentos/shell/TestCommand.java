package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileType;
import java.util.List;

/** test and [: POSIX's argument-count rules, then a recursive parser for -a, -o, !, ( ). */
final class TestCommand {
    private final Shell sh;
    private final List<String> args;
    private final String name;
    private int pos;

    /** A usage error: status 2 with bash's message. */
    static final class TestError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        TestError(String m) { super(m, null, false, false); }
    }

    private TestCommand(Shell sh, String name, List<String> args) {
        this.sh = sh;
        this.name = name;
        this.args = args;
    }

    static int run(Shell sh, List<String> argv) {
        String name = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        if (name.equals("[")) {
            if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
                sh.error("[: missing `]'");
                return 2;
            }
            args = args.subList(0, args.size() - 1);
        }
        try {
            return new TestCommand(sh, name, args).evaluate() ? 0 : 1;
        } catch (TestError e) {
            sh.error(name + ": " + e.getMessage());
            return 2;
        }
    }

    private boolean evaluate() {
        int n = args.size();
        switch (n) {
            case 0: return false;
            case 1: return !args.get(0).isEmpty();
            case 2:
                if (args.get(0).equals("!")) return args.get(1).isEmpty();
                if (isUnary(args.get(0))) return unary(sh, args.get(0), args.get(1));
                throw new TestError(args.get(0) + ": unary operator expected");
            case 3:
                if (isBinary(args.get(1))) return binary(args.get(0), args.get(1), args.get(2));
                if (args.get(0).equals("!")) return !new TestCommand(sh, name, args.subList(1, 3)).evaluate();
                if (args.get(0).equals("(") && args.get(2).equals(")")) return !args.get(1).isEmpty();
                if (args.get(1).equals("-a") || args.get(1).equals("-o")) break;
                throw new TestError(args.get(1) + ": binary operator expected");
            case 4:
                if (args.get(0).equals("!")) return !new TestCommand(sh, name, args.subList(1, 4)).evaluate();
                if (args.get(0).equals("(") && args.get(3).equals(")")) return new TestCommand(sh, name, args.subList(1, 3)).evaluate();
                break;
            default:
                break;
        }
        pos = 0;
        boolean r = or();
        if (pos < args.size()) throw new TestError("too many arguments");
        return r;
    }

    private boolean or() {
        boolean r = and();
        while (pos < args.size() && args.get(pos).equals("-o")) { pos++; boolean x = and(); r = r || x; }
        return r;
    }

    private boolean and() {
        boolean r = not();
        while (pos < args.size() && args.get(pos).equals("-a")) { pos++; boolean x = not(); r = r && x; }
        return r;
    }

    private boolean not() {
        if (pos < args.size() && args.get(pos).equals("!")) { pos++; return !not(); }
        return primary();
    }

    private boolean primary() {
        if (pos >= args.size()) throw new TestError("argument expected");
        String a = args.get(pos);
        if (a.equals("(")) {
            pos++;
            boolean r = or();
            if (pos >= args.size() || !args.get(pos).equals(")")) throw new TestError("`)' expected");
            pos++;
            return r;
        }
        if (pos + 2 < args.size() + 0 && isBinary(args.get(pos + 1))) {
            boolean r = binary(a, args.get(pos + 1), args.get(pos + 2));
            pos += 3;
            return r;
        }
        if (isUnary(a) && pos + 1 < args.size()) {
            pos += 2;
            return unary(sh, a, args.get(pos - 1));
        }
        pos++;
        return !a.isEmpty();
    }

    private static boolean isUnary(String op) {
        return op.length() == 2 && op.charAt(0) == '-' && "abcdefghknoprstuvwxzGLNOS".indexOf(op.charAt(1)) >= 0;
    }

    private static boolean isBinary(String op) {
        return switch (op) {
            case "=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef" -> true;
            default -> false;
        };
    }

    private boolean binary(String l, String op, String r) {
        switch (op) {
            case "=", "==" -> { return l.equals(r); }
            case "!=" -> { return !l.equals(r); }
            case "<" -> { return l.compareTo(r) < 0; }
            case ">" -> { return l.compareTo(r) > 0; }
            case "-eq", "-ne", "-lt", "-le", "-gt", "-ge" -> { return compare(op, integer(l), integer(r)); }
            default -> { return binaryFile(sh, op, l, r); }
        }
    }

    private static long integer(String s) {
        String t = s.strip();
        try {
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            throw new TestError(s + ": integer expression expected");
        }
    }

    static boolean compare(String op, long x, long y) {
        return switch (op) {
            case "-eq" -> x == y;
            case "-ne" -> x != y;
            case "-lt" -> x < y;
            case "-le" -> x <= y;
            case "-gt" -> x > y;
            default -> x >= y;
        };
    }

    static boolean binaryFile(Shell sh, String op, String l, String r) {
        FileStat a = stat(sh, l, true), b = stat(sh, r, true);
        return switch (op) {
            case "-nt" -> a != null && (b == null || a.mtimeNanos() > b.mtimeNanos());
            case "-ot" -> b != null && (a == null || a.mtimeNanos() < b.mtimeNanos());
            case "-ef" -> a != null && b != null && a.dev() == b.dev() && a.ino() == b.ino();
            default -> false;
        };
    }

    private static FileStat stat(Shell sh, String path, boolean follow) {
        if (path.isEmpty()) return null;
        try {
            return follow ? sh.ctx.stat(path) : sh.ctx.lstat(path);
        } catch (AgentOsException e) {
            return null;
        }
    }

    static boolean unary(Shell sh, String op, String a) {
        switch (op) {
            case "-z": return a.isEmpty();
            case "-n": return !a.isEmpty();
            case "-v": {
                int br = a.indexOf('[');
                if (br > 0 && a.endsWith("]")) return sh.getElement(a.substring(0, br), a.substring(br + 1, a.length() - 1)) != null;
                Variables.Var v = sh.vars.get(a);
                return v != null && v.isSet();
            }
            case "-o": return Boolean.TRUE.equals(sh.opts.long_().get(a));
            case "-t": {
                try { return sh.ctx.isatty(Integer.parseInt(a.strip())); } catch (RuntimeException e) { return false; }
            }
            case "-h", "-L": { FileStat s = stat(sh, a, false); return s != null && s.isSymlink(); }
            default: break;
        }
        FileStat s = stat(sh, a, true);
        if (s == null) return false;
        return switch (op) {
            case "-e", "-a" -> true;
            case "-f" -> s.isRegular();
            case "-d" -> s.isDirectory();
            case "-s" -> s.size() > 0;
            case "-r" -> sh.ctx.access(a, 4);
            case "-w" -> sh.ctx.access(a, 2);
            case "-x" -> sh.ctx.access(a, 1);
            case "-p" -> s.type() == FileType.FIFO;
            case "-c" -> s.type() == FileType.CHAR_DEVICE;
            case "-b" -> false;
            case "-S" -> s.type() == FileType.SOCKET;
            case "-u" -> (s.mode() & 04000) != 0;
            case "-g" -> (s.mode() & 02000) != 0;
            case "-k" -> (s.mode() & 01000) != 0;
            case "-O" -> s.uid() == sh.ctx.credentials().uid();
            case "-G" -> s.gid() == sh.ctx.credentials().gid();
            case "-N" -> s.mtimeNanos() > s.atimeNanos();
            default -> false;
        };
    }
}
