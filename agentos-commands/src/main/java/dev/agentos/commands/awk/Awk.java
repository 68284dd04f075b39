package dev.agentos.commands.awk;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** awk (gawk 5 compatible): option parsing, the BEGIN / main / END cycle, and error reporting. */
final class Awk implements Program {
    static final String VERSION = "GNU Awk 5.2.1, API 3.2, PMA Avon 8-g1, (GNU MPFR 4.2.0, GNU MP 6.2.1)";

    private static final String COPYRIGHT = """
            Copyright (C) 1989, 1991-2022 Free Software Foundation.

            This program is free software; you can redistribute it and/or modify
            it under the terms of the GNU General Public License as published by
            the Free Software Foundation; either version 3 of the License, or
            (at your option) any later version.

            This program is distributed in the hope that it will be useful,
            but WITHOUT ANY WARRANTY; without even the implied warranty of
            MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
            GNU General Public License for more details.

            You should have received a copy of the GNU General Public License
            along with this program. If not, see http://www.gnu.org/licenses/.
            """;

    /** The program name in messages: the basename of argv[0]. */
    static String name(ProcessContext ctx) {
        String a = ctx.argv().get(0);
        return a.substring(a.lastIndexOf('/') + 1);
    }

    /** A UTF-8 host string as an awk byte string. */
    static String internal(String s) { return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1); }

    /** An awk byte string as a host string (paths, commands). */
    static String external(String s) { return new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8); }

    /** A command-line assignment: the value has escapes processed and is a strnum. */
    static void assign(Interp rt, String var, String value) {
        rt.setGlobalByName(var, Val.strnum(unescape(value)));
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        Lexer lx = new Lexer("\"" + s.replace("\"", "\\\"") + "\"", "");
        try {
            return lx.next().text();
        } catch (ParseError e) {
            return s;
        }
    }

    @Override
    public int run(ProcessContext ctx) {
        String me = name(ctx);
        List<String> args = new ArrayList<>();
        for (String a : ctx.argv().subList(1, ctx.argv().size())) args.add(internal(a));
        String fs = null;
        List<String[]> assigns = new ArrayList<>();
        List<String> progFiles = new ArrayList<>();
        StringBuilder sources = new StringBuilder();
        boolean inplace = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.length() < 2 || a.charAt(0) != '-') break;
            if (a.equals("--version") || a.equals("-V")) {
                AwkIo io = new AwkIo(ctx);
                io.stdout.write(VERSION + "\n" + COPYRIGHT);
                io.stdout.flush();
                return 0;
            }
            if (a.startsWith("--") && a.indexOf('=') > 0) {
                String opt = a.substring(2, a.indexOf('='));
                String v = a.substring(a.indexOf('=') + 1);
                String shortOpt = switch (opt) {
                    case "field-separator" -> "-F";
                    case "assign" -> "-v";
                    case "file" -> "-f";
                    case "source" -> "-e";
                    case "include" -> "-i";
                    default -> null;
                };
                if (shortOpt != null) {
                    args.set(i, shortOpt + v);
                    a = args.get(i);
                }
            }
            char o = a.charAt(1);
            String val;
            if ("Fvfie".indexOf(o) >= 0 && !a.startsWith("--")) {
                if (a.length() > 2) {
                    val = a.substring(2);
                } else if (i + 1 < args.size()) {
                    val = args.get(++i);
                } else {
                    usage(ctx, me, "option requires an argument -- '" + o + "'");
                    return 1;
                }
                switch (o) {
                    case 'F' -> fs = unescape(val);
                    case 'v' -> {
                        int eq = val.indexOf('=');
                        if (eq <= 0) {
                            err(ctx, me + ": `" + val + "' argument to `-v' not in `var=value' form\n");
                            return 2;
                        }
                        assigns.add(new String[] {val.substring(0, eq), val.substring(eq + 1)});
                    }
                    case 'f' -> progFiles.add(val);
                    case 'e' -> sources.append(val).append('\n');
                    default -> {
                        if (!val.equals("inplace")) {
                            err(ctx, me + ": fatal: can't open source file `" + val + "' for reading: No such file or directory\n");
                            return 2;
                        }
                        inplace = true;
                    }
                }
                continue;
            }
            if (a.equals("--help") || a.equals("-h")) {
                AwkIo io = new AwkIo(ctx);
                io.stdout.write(Usage.text(me));
                io.stdout.flush();
                return 0;
            }
            usage(ctx, me, null);
            return 1;
        }
        String src;
        String srcName = "cmd. line";
        if (!progFiles.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (String f : progFiles) {
                try {
                    sb.append(readFile(ctx, f)).append('\n');
                } catch (AgentOsException e) {
                    err(ctx, me + ": fatal: cannot open source file `" + f + "' for reading: " + AwkIo.reason(e) + "\n");
                    return 2;
                }
            }
            src = sb.toString();
            srcName = progFiles.get(0);
        } else if (sources.length() > 0) {
            src = sources.toString();
        } else {
            if (i >= args.size()) {
                usage(ctx, me, null);
                return 1;
            }
            src = args.get(i++);
        }
        List<String> operands = args.subList(i, args.size());

        Parser parser = new Parser(src, srcName);
        Stmt.Program prog;
        try {
            prog = parser.parse();
        } catch (ParseError e) {
            for (String w : parser.warnings()) err(ctx, me + ": " + srcName + ":" + 1 + ": warning: " + w + "\n");
            reportSyntax(ctx, me, srcName, src, e);
            return e.line < 0 ? 2 : 1;
        }
        for (String w : parser.warnings()) err(ctx, me + ": " + srcName + ":1: warning: " + w + "\n");

        AwkIo io = new AwkIo(ctx);
        io.inplace = inplace;
        io.srcName = srcName;
        Interp rt = new Interp(prog, io);
        AwkArray env = rt.globalArray(Interp.ENVIRON);
        ctx.environment().forEach((k, v) -> env.put(internal(k), Val.strnum(internal(v))));
        AwkArray argv = rt.globalArray(Interp.ARGV);
        argv.put("0", Val.str(me));
        for (int k = 0; k < operands.size(); k++) argv.put(Integer.toString(k + 1), Val.strnum(operands.get(k)));
        rt.globals[Interp.ARGC] = Val.num(operands.size() + 1);
        AwkArray procinfo = rt.globalArray(Interp.PROCINFO);
        procinfo.put("version", Val.str("5.2.1"));
        procinfo.put("pid", Val.num(ctx.pid()));
        procinfo.put("ppid", Val.num(ctx.ppid()));
        procinfo.put("FS", Val.str("FS"));
        if (fs != null) rt.setGlobal(Interp.FS, Val.str(fs), "FS");
        for (String[] as : assigns) assign(rt, as[0], as[1]);

        Runner runner = new Runner(rt, io, prog);
        try {
            runner.run();
        } catch (AwkFatal e) {
            io.closeAllQuietly();
            String where = e.withLocation ? srcName + ":" + rt.line + ": " : "";
            String ctxInfo = e.withLocation && runner.inMain() ? "(FILENAME=" + rt.toStr(rt.getGlobal(Interp.FILENAME, "FILENAME")) + " FNR=" + (long) rt.fnr + ") " : "";
            err(ctx, me + ": " + where + ctxInfo + "fatal: " + e.getMessage() + "\n");
            return 2;
        } catch (Interp.Control c) {
            io.closeAllQuietly();
            return rt.exitCode;
        } catch (AgentOsException e) {
            if (e.is(dev.agentos.kernel.Errno.EPIPE)) throw e;
            io.closeAllQuietly();
            String file = rt.toStr(rt.getGlobal(Interp.FILENAME, "FILENAME"));
            err(ctx, me + ": fatal: error reading input file `" + file + "': " + AwkIo.reason(e) + "\n");
            return 2;
        } catch (StackOverflowError e) {
            io.closeAllQuietly();
            err(ctx, me + ": " + srcName + ":" + rt.line + ": fatal: function call nesting too deep\n");
            return 2;
        }
        io.closeAll();
        return rt.exitCode;
    }

    private static String readFile(ProcessContext ctx, String f) {
        int fd = ctx.open(external(f), OpenFlags.O_RDONLY, 0);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = ctx.read(fd, buf, 0, buf.length)) > 0) out.write(buf, 0, n);
            return out.toString(StandardCharsets.ISO_8859_1);
        } finally {
            ctx.close(fd);
        }
    }

    private static void reportSyntax(ProcessContext ctx, String me, String srcName, String src, ParseError e) {
        if (e.line < 0) {
            err(ctx, me + ": " + srcName + ":" + (-e.line) + ": fatal: " + e.getMessage() + "\n");
            return;
        }
        String prefix = me + ": " + srcName + ":" + e.line + ": ";
        if (e.pos == -5) {
            err(ctx, prefix + "error: " + e.getMessage() + "\n" + prefix + "error: " + e.getMessage() + "\n");
            return;
        }
        if (e.pos == -3) {
            err(ctx, prefix + "error: " + e.getMessage() + "\n");
            return;
        }
        if (e.pos == -2) {
            err(ctx, prefix + e.getMessage() + "\n");
            return;
        }
        String[] lines = src.split("\n", -1);
        String line = e.line - 1 < lines.length ? lines[e.line - 1] : "";
        if (e.pos == -1 || e.pos == -4) {
            if (e.pos == -1) prefix = me + ": " + srcName + ":" + (e.line + 1) + ": ";
            err(ctx, prefix + line + "\n" + prefix + " ".repeat(line.length()) + "^ unexpected newline or end of string\n");
            return;
        }
        int lineStart = 0;
        for (int k = 0; k < e.line - 1 && k < lines.length; k++) lineStart += lines[k].length() + 1;
        int col = Math.max(0, e.pos - lineStart);
        err(ctx, prefix + line + "\n" + prefix + " ".repeat(col) + "^ " + e.getMessage() + "\n");
    }

    private static void usage(ProcessContext ctx, String me, String problem) {
        err(ctx, Usage.text(me));
    }

    static void err(ProcessContext ctx, String s) {
        try {
            ctx.stderr().write(s.getBytes(StandardCharsets.ISO_8859_1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
