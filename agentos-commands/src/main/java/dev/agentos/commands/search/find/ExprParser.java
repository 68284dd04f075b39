package dev.agentos.commands.search.find;

import dev.agentos.AgentOsException;
import dev.agentos.commands.search.ChildProcess;
import dev.agentos.commands.search.CommandIo;
import dev.agentos.commands.search.Glob;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.vfs.FileType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses find's expression (operators, tests, actions, global options) into an {@link Expr}. */
final class ExprParser {
    /** A command-line error, worded as GNU find words it. */
    static final class FindError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FindError(String message) {
            super(message, null, false, false);
        }
    }

    private final CommandIo io;
    private final Find.Walker walker;
    private final List<String> args;
    private int k;
    private boolean hasAction;
    private String lastNonOption;

    ExprParser(CommandIo io, Find.Walker walker, List<String> args) {
        this.io = io;
        this.walker = walker;
        this.args = args;
    }

    Expr parse() {
        if (args.isEmpty()) return print(false);
        Expr e = comma();
        if (k < args.size()) {
            String a = args.get(k);
            if (a.equals(")")) throw new FindError("invalid expression; you have too many ')'");
            throw new FindError("paths must precede expression: `" + a + "'");
        }
        if (!hasAction) e = new Expr.And(e, print(false));
        return e;
    }

    private Expr comma() {
        Expr e = or();
        while (k < args.size() && args.get(k).equals(",")) {
            k++;
            e = new Expr.Comma(e, or());
        }
        return e;
    }

    private Expr or() {
        Expr e = and();
        while (k < args.size() && (args.get(k).equals("-o") || args.get(k).equals("-or"))) {
            String op = args.get(k++);
            if (k >= args.size()) throw new FindError("expected an expression after '" + op + "'");
            e = new Expr.Or(e, and());
        }
        return e;
    }

    private Expr and() {
        Expr e = unary();
        while (k < args.size()) {
            String a = args.get(k);
            if (a.equals("-o") || a.equals("-or") || a.equals(")") || a.equals(",")) break;
            if (a.equals("-a") || a.equals("-and")) {
                k++;
                if (k >= args.size()) throw new FindError("expected an expression after '" + a + "'");
            }
            e = new Expr.And(e, unary());
        }
        return e;
    }

    private Expr unary() {
        if (k >= args.size()) throw new FindError("invalid expression");
        String a = args.get(k);
        if (a.equals("!") || a.equals("-not")) {
            k++;
            if (k >= args.size()) throw new FindError("expected an expression after '" + a + "'");
            return new Expr.Not(unary());
        }
        if (a.equals("(")) {
            k++;
            if (k >= args.size()) {
                throw new FindError("invalid expression; expected to find a ')' but didn't see one. Perhaps you need an extra predicate after '('");
            }
            if (k < args.size() && args.get(k).equals(")")) throw new FindError("invalid expression; empty parentheses are not allowed.");
            Expr e = comma();
            if (k >= args.size() || !args.get(k).equals(")")) throw new FindError("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
            k++;
            return e;
        }
        if (a.equals("-o") || a.equals("-or") || a.equals("-a") || a.equals("-and") || a.equals(",")) {
            throw new FindError("invalid expression; you have used a binary operator '" + a + "' with nothing before it.");
        }
        if (a.equals(")")) throw new FindError("invalid expression; you have too many ')'");
        k++;
        return primary(a);
    }

    private String arg(String pred) {
        if (k >= args.size()) throw new FindError("missing argument to `" + pred + "'");
        return args.get(k++);
    }

    private void globalOption(String pred) {
        if (lastNonOption != null && Boolean.getBoolean("agentos.find.positionalWarning")) {
            io.error("warning: you have specified the global option " + pred + " after the argument " + lastNonOption
                    + ", but global options are not positional, i.e., " + pred
                    + " affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.");
        }
    }

    private Expr primary(String p) {
        switch (p) {
            case "-maxdepth", "-mindepth" -> {
                String v = arg(p);
                globalOption(p);
                int n;
                try {
                    n = Integer.parseInt(v);
                    if (n < 0) throw new NumberFormatException();
                } catch (NumberFormatException e) {
                    throw new FindError("Expected a positive decimal integer argument to " + p + ", but got '" + v + "'");
                }
                if (p.equals("-maxdepth")) walker.maxDepth = n; else walker.minDepth = n;
                return always();
            }
            case "-depth", "-d" -> {
                globalOption(p);
                walker.depthFirst = true;
                return always();
            }
            case "-xdev", "-mount", "-noleaf", "-ignore_readdir_race", "-noignore_readdir_race" -> {
                globalOption(p);
                return always();
            }
            case "-follow" -> {
                globalOption(p);
                walker.follow = Find.Walker.Follow.ALWAYS;
                return always();
            }
            case "-regextype" -> {
                arg(p);
                return always();
            }
            default -> { }
        }
        lastNonOption = p;
        return switch (p) {
            case "-true" -> always();
            case "-false" -> new Expr.Test(e -> false);
            case "-name", "-iname" -> {
                String g = arg(p);
                Pattern pat = Glob.compile(g, p.equals("-iname"));
                yield new Expr.Test(e -> pat.matcher(e.name).matches());
            }
            case "-path", "-ipath", "-wholename", "-iwholename" -> {
                Pattern pat = Glob.compile(arg(p), p.startsWith("-i"));
                yield new Expr.Test(e -> pat.matcher(e.path).matches());
            }
            case "-regex", "-iregex" -> {
                Pattern pat = Pattern.compile(arg(p), Pattern.DOTALL | (p.equals("-iregex") ? Pattern.CASE_INSENSITIVE : 0));
                yield new Expr.Test(e -> pat.matcher(e.path).matches());
            }
            case "-type", "-xtype" -> type(p, arg(p));
            case "-size" -> size(arg(p));
            case "-empty" -> new Expr.Test(this::empty);
            case "-mtime", "-atime", "-ctime" -> time(p, arg(p), 86_400L);
            case "-mmin", "-amin", "-cmin" -> time(p, arg(p), 60L);
            case "-perm" -> perm(arg(p));
            case "-user", "-group" -> owner(p, arg(p));
            case "-uid" -> numeric(arg(p), e -> e.stat.uid());
            case "-gid" -> numeric(arg(p), e -> e.stat.gid());
            case "-links" -> numeric(arg(p), e -> e.stat.nlink());
            case "-inum" -> numeric(arg(p), e -> e.stat.ino());
            case "-readable" -> new Expr.Test(e -> walker.ctx.access(e.path, 4));
            case "-writable" -> new Expr.Test(e -> walker.ctx.access(e.path, 2));
            case "-executable" -> new Expr.Test(e -> walker.ctx.access(e.path, 1));
            case "-print" -> print(false);
            case "-print0" -> print(true);
            case "-ls" -> {
                hasAction = true;
                LsLine line = new LsLine(walker);
                yield new Expr.Test(e -> {
                    walker.print(line.format(e));
                    return true;
                });
            }
            case "-delete", "-exec", "-execdir", "-ok", "-okdir" -> other(p);
            case "-printf" -> {
                hasAction = true;
                Printf fmt = new Printf(arg(p), walker);
                yield new Expr.Test(e -> {
                    walker.print(fmt.format(e));
                    return true;
                });
            }
            case "-prune" -> new Expr.Test(e -> {
                if (!walker.depthFirst) e.pruned = true;
                return true;
            });
            case "-quit" -> quit();
            default -> {
                Optional<Expr> ref = new ReferenceTests(walker).parse(p, () -> arg(p));
                if (ref.isPresent()) yield ref.get();
                if (p.startsWith("-")) throw new FindError("unknown predicate `" + p + "'");
                throw new FindError("paths must precede expression: `" + p + "'");
            }
        };
    }

    private Expr quit() {
        hasAction = true;
        return new Expr.Test(e -> {
            walker.quit = true;
            return true;
        });
    }

    private Expr other(String p) {
        return switch (p) {
            case "-delete" -> {
                hasAction = true;
                walker.depthFirst = true;
                yield new Expr.Test(this::delete);
            }
            default -> exec(p);
        };
    }

    private static Expr always() {
        return new Expr.Test(e -> true);
    }

    private Expr print(boolean nul) {
        hasAction = true;
        return new Expr.Test(e -> {
            walker.print(e.path);
            walker.io.out().write(nul ? 0 : '\n');
            return true;
        });
    }

    private Expr type(String p, String v) {
        List<FileType> types = new ArrayList<>();
        for (String t : v.split(",", -1)) {
            FileType ft = switch (t) {
                case "f" -> FileType.REGULAR;
                case "d" -> FileType.DIRECTORY;
                case "l" -> FileType.SYMLINK;
                case "p" -> FileType.FIFO;
                case "s" -> FileType.SOCKET;
                case "c" -> FileType.CHAR_DEVICE;
                case "b", "D" -> null;
                default -> null;
            };
            if (ft == null && (t.equals("b") || t.equals("D"))) continue;
            if (ft == null) {
                if (t.isEmpty() || t.length() > 1) throw new FindError("Must separate multiple arguments to " + p + " using: ','");
                throw new FindError("Unknown argument to " + p + ": " + t);
            }
            types.add(ft);
        }
        if (p.equals("-xtype")) {
            return new Expr.Test(e -> {
                FileType t = e.stat.type();
                if (t == FileType.SYMLINK) {
                    try {
                        t = walker.ctx.stat(e.path).type();
                    } catch (AgentOsException ex) {
                        t = FileType.SYMLINK;
                    }
                }
                return types.contains(t);
            });
        }
        return new Expr.Test(e -> types.contains(e.stat.type()));
    }

    /** Parses [+-]N and tests {@code value}. */
    private record Cmp(int sign, long n) {
        boolean test(long v) {
            return sign > 0 ? v > n : sign < 0 ? v < n : v == n;
        }
    }

    private static Cmp cmp(String v, String pred) {
        int sign = 0;
        String num = v;
        if (v.startsWith("+")) {
            sign = 1;
            num = v.substring(1);
        } else if (v.startsWith("-")) {
            sign = -1;
            num = v.substring(1);
        }
        try {
            if (num.isEmpty() || !Character.isDigit(num.charAt(0))) throw new NumberFormatException();
            return new Cmp(sign, Long.parseLong(num));
        } catch (NumberFormatException e) {
            throw new FindError("invalid argument `" + v + "' to `" + pred + "'");
        }
    }

    private Expr numeric(String v, java.util.function.ToLongFunction<Find.Entry> f) {
        Cmp c = cmp(v, "-uid");
        return new Expr.Test(e -> c.test(f.applyAsLong(e)));
    }

    private Expr size(String v) {
        long unit = 512;
        String num = v;
        if (!v.isEmpty()) {
            char last = v.charAt(v.length() - 1);
            long u = switch (last) {
                case 'c' -> 1;
                case 'w' -> 2;
                case 'b' -> 512;
                case 'k' -> 1024;
                case 'M' -> 1024 * 1024;
                case 'G' -> 1024L * 1024 * 1024;
                default -> -1;
            };
            if (u > 0) {
                unit = u;
                num = v.substring(0, v.length() - 1);
            }
        }
        Cmp c;
        try {
            c = cmp(num, "-size");
        } catch (FindError e) {
            throw new FindError("invalid -size type `" + v.charAt(v.length() - 1) + "'");
        }
        long un = unit;
        return new Expr.Test(e -> c.test((e.stat.size() + un - 1) / un));
    }

    private boolean empty(Find.Entry e) {
        if (e.stat.isRegular()) return e.stat.size() == 0;
        if (e.stat.isDirectory()) {
            try {
                return walker.ctx.readdir(e.path).stream().allMatch(d -> d.name().equals(".") || d.name().equals(".."));
            } catch (AgentOsException ex) {
                return false;
            }
        }
        return false;
    }

    private Expr time(String p, String v, long unitSeconds) {
        Cmp c = cmp(v, p);
        char which = p.charAt(1);
        return new Expr.Test(e -> {
            long t = which == 'a' ? e.stat.atimeNanos() : which == 'c' ? e.stat.ctimeNanos() : e.stat.mtimeNanos();
            long age = walker.now - t;
            long units = Math.floorDiv(age, unitSeconds * 1_000_000_000L);
            if (unitSeconds == 60) {
                // -mmin compares in whole minutes rounded up, as GNU does
                units = (long) Math.ceil(age / 60e9);
                if (c.sign == 0) return units == c.n;
            }
            return c.test(units);
        });
    }

    private Expr perm(String v) {
        char kind = v.startsWith("-") ? '-' : v.startsWith("/") ? '/' : '=';
        String m = kind == '=' ? v : v.substring(1);
        int mode = Modes.parse(m);
        if (mode < 0) throw new FindError("invalid mode '" + m + "'");
        return new Expr.Test(e -> {
            int have = e.stat.mode() & 07777;
            return switch (kind) {
                case '-' -> (have & mode) == mode;
                case '/' -> mode == 0 || (have & mode) != 0;
                default -> have == mode;
            };
        });
    }

    private Expr owner(String p, String v) {
        boolean user = p.equals("-user");
        int id = Names.lookupId(walker.ctx, user ? "/etc/passwd" : "/etc/group", v);
        if (id < 0) {
            if (v.chars().allMatch(Character::isDigit) && !v.isEmpty()) {
                id = Integer.parseInt(v);
            } else {
                throw new FindError((user ? "'" + v + "' is not the name of a known user" : "'" + v + "' is not the name of an existing group"));
            }
        }
        int want = id;
        return new Expr.Test(e -> (user ? e.stat.uid() : e.stat.gid()) == want);
    }

    private boolean delete(Find.Entry e) {
        if (e.path.equals(".")) return true;
        try {
            if (e.stat.isDirectory()) walker.ctx.rmdir(e.path); else walker.ctx.unlink(e.path);
            return true;
        } catch (AgentOsException ex) {
            walker.io.error("cannot delete " + Find.Walker.quote(e.path) + ": " + CommandIo.reason(ex));
            walker.status = 1;
            return false;
        }
    }

    private Expr exec(String p) {
        hasAction = true;
        List<String> cmd = new ArrayList<>();
        boolean plus = false;
        while (true) {
            if (k >= args.size()) throw new FindError("missing argument to `" + p + "'");
            String a = args.get(k++);
            if (a.equals(";")) break;
            if (a.equals("+") && !cmd.isEmpty() && cmd.get(cmd.size() - 1).equals("{}")) {
                plus = true;
                cmd.remove(cmd.size() - 1);
                break;
            }
            cmd.add(a);
        }
        if (cmd.isEmpty()) throw new FindError("missing argument to `" + p + "'");
        boolean inDir = p.endsWith("dir");
        if (plus) return new Batch(cmd, inDir);
        return new Expr.Test(e -> {
            List<String> argv = new ArrayList<>(cmd.size());
            String target = inDir ? "./" + e.name : e.path;
            for (String c : cmd) argv.add(c.replace("{}", target));
            return runChild(argv, inDir ? dirOf(e) : null) == 0;
        });
    }

    private String dirOf(Find.Entry e) {
        String path = e.path;
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "." : slash == 0 ? "/" : path.substring(0, slash);
        if (e.depth == 0 && slash < 0) dir = ".";
        return dir.startsWith("/") ? dir : walker.ctx.cwd() + "/" + dir;
    }

    private int runChild(List<String> argv, String cwd) {
        walker.io.out().flush();
        try {
            ExitStatus st = ChildProcess.run(walker.ctx, argv, cwd);
            return st.shellStatus();
        } catch (AgentOsException ex) {
            walker.io.error(Find.Walker.quote(argv.get(0)) + ": " + CommandIo.reason(ex));
            return 127;
        }
    }

    /** -exec ... {} +: collects paths and runs the command once per batch. */
    private final class Batch implements Expr {
        private final List<String> cmd;
        private final boolean inDir;
        private final List<String> pending = new ArrayList<>();
        private String pendingDir;

        Batch(List<String> cmd, boolean inDir) {
            this.cmd = cmd;
            this.inDir = inDir;
        }

        public boolean eval(Find.Entry e) {
            String dir = inDir ? dirOf(e) : null;
            if (inDir && pendingDir != null && !pendingDir.equals(dir)) finish();
            pendingDir = dir;
            pending.add(inDir ? "./" + e.name : e.path);
            if (pending.size() >= 4096) finish();
            return true;
        }

        public void finish() {
            if (pending.isEmpty()) return;
            List<String> argv = new ArrayList<>(cmd);
            argv.addAll(pending);
            pending.clear();
            if (runChild(argv, pendingDir) != 0) walker.status = 1;
        }
    }
}
