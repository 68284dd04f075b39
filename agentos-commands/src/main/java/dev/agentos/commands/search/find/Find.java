package dev.agentos.commands.search.find;

import dev.agentos.AgentOsException;
import dev.agentos.commands.search.CommandIo;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** find: walks directory trees evaluating an expression per file, as GNU findutils 4.9 does. */
public final class Find implements Program {
    @Override public int run(ProcessContext ctx) throws IOException {
        CommandIo io = new CommandIo(ctx, "find");
        List<String> args = new ArrayList<>(ctx.argv().subList(1, ctx.argv().size()));
        if (args.size() == 1 && args.get(0).equals("--help")) {
            io.out().print(dev.agentos.commands.Gnu.helpText("find").orElse("Usage: find [-H] [-L] [-P] [-Olevel] [-D debugopts] [path...] [expression]\n"));
            io.out().flush();
            return 0;
        }
        if (args.size() == 1 && args.get(0).equals("--version")) {
            io.out().print("find (GNU findutils) 4.9.0\n");
            io.out().flush();
            return 0;
        }
        Walker walker = new Walker(io);
        int k = 0;
        while (k < args.size()) {
            String a = args.get(k);
            if (a.equals("-H")) walker.follow = Walker.Follow.COMMAND_LINE;
            else if (a.equals("-L")) walker.follow = Walker.Follow.ALWAYS;
            else if (a.equals("-P")) walker.follow = Walker.Follow.NEVER;
            else if (a.equals("-D") && k + 1 < args.size()) k++;
            else if (a.startsWith("-O")) { /* optimisation level: nothing to do */ }
            else if (a.equals("--")) { k++; break; }
            else break;
            k++;
        }
        List<String> starts = new ArrayList<>();
        while (k < args.size()) {
            String a = args.get(k);
            if ((a.startsWith("-") && a.length() > 1) || a.equals("(") || a.equals("!")) break;
            starts.add(a);
            k++;
        }
        Expr expr;
        try {
            ExprParser parser = new ExprParser(io, walker, args.subList(k, args.size()));
            expr = parser.parse();
        } catch (ExprParser.FindError e) {
            io.error(e.getMessage());
            io.out().flush();
            return 1;
        }
        if (starts.isEmpty()) starts.add(".");
        try {
            for (String s : starts) {
                if (walker.quit) break;
                walker.walkStart(s, expr);
            }
            walker.finish(expr);
        } finally {
            io.out().flush();
        }
        return walker.status;
    }

    /** Traversal state and the things actions need. */
    static final class Walker {
        enum Follow { NEVER, COMMAND_LINE, ALWAYS }

        final CommandIo io;
        final ProcessContext ctx;
        Follow follow = Follow.NEVER;
        int maxDepth = Integer.MAX_VALUE;
        int minDepth = 0;
        boolean depthFirst;
        boolean quit;
        int status;
        final long now;

        Walker(CommandIo io) {
            this.io = io;
            this.ctx = io.ctx();
            java.time.Instant t = ctx.clock().instant();
            this.now = t.getEpochSecond() * 1_000_000_000L + t.getNano();
        }

        void walkStart(String start, Expr expr) {
            FileStat st;
            try {
                st = follow == Follow.NEVER ? ctx.lstat(start) : statFollow(start);
            } catch (AgentOsException e) {
                io.error(quote(start) + ": " + CommandIo.reason(e));
                status = 1;
                return;
            }
            String name = baseName(start);
            visit(new Entry(start, name, 0, st, start), expr);
        }

        private FileStat statFollow(String path) {
            try {
                return ctx.stat(path);
            } catch (AgentOsException e) {
                return ctx.lstat(path);
            }
        }

        private void visit(Entry e, Expr expr) {
            if (quit) return;
            boolean isDir = e.stat.isDirectory();
            e.pruned = false;
            if (!depthFirst && e.depth >= minDepth) expr.eval(e);
            if (quit) return;
            if (isDir && e.depth < maxDepth && !e.pruned) {
                List<DirEntry> children;
                try {
                    children = ctx.readdir(e.path);
                } catch (AgentOsException ex) {
                    io.error(quote(e.path) + ": " + CommandIo.reason(ex));
                    status = 1;
                    children = List.of();
                }
                String prefix = e.path.endsWith("/") ? e.path : e.path + "/";
                for (DirEntry d : children) {
                    if (quit) return;
                    if (d.name().equals(".") || d.name().equals("..")) continue;
                    String p = prefix + d.name();
                    FileStat st;
                    try {
                        st = follow == Follow.ALWAYS ? statFollow(p) : ctx.lstat(p);
                    } catch (AgentOsException ex) {
                        io.error(quote(p) + ": " + CommandIo.reason(ex));
                        status = 1;
                        continue;
                    }
                    visit(new Entry(p, d.name(), e.depth + 1, st, e.start), expr);
                }
            }
            if (depthFirst && e.depth >= minDepth && !quit) expr.eval(e);
        }

        void finish(Expr expr) {
            expr.finish();
        }

        static String quote(String s) {
            return "'" + s + "'";
        }

        static String baseName(String path) {
            if (path.equals("/")) return "/";
            String p = path;
            while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
            int slash = p.lastIndexOf('/');
            return slash < 0 ? p : p.substring(slash + 1);
        }

        void print(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            io.out().write(b, 0, b.length);
        }
    }

    /** One file being visited. */
    static final class Entry {
        final String path;
        final String name;
        final int depth;
        final FileStat stat;
        final String start;
        boolean pruned;

        Entry(String path, String name, int depth, FileStat stat, String start) {
            this.path = path;
            this.name = name;
            this.depth = depth;
            this.stat = stat;
            this.start = start;
        }
    }
}
