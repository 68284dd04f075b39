package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import java.util.ArrayList;
import java.util.List;

/** /bin/bash and /bin/sh: option parsing, then -c, a script file, stdin or an interactive session. */
final class ShellProgram implements Program {
    @Override public int run(ProcessContext ctx) {
        List<String> argv = ctx.argv();
        String argv0 = argv.isEmpty() ? "bash" : argv.get(0);
        String base = argv0.substring(argv0.lastIndexOf('/') + 1);
        if (base.startsWith("-")) base = base.substring(1);
        boolean posix = base.endsWith("sh") && !base.endsWith("bash");
        String command = null;
        boolean cFlag = false, forceInteractive = false, stdinFlag = false;
        Options pre = new Options();
        List<String> rest = new ArrayList<>();
        int i = 1;
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--") || a.equals("-")) { i++; break; }
            if (a.startsWith("--")) {
                switch (a) {
                    case "--posix" -> posix = true;
                    case "--version" -> {
                        write(ctx, 1, "GNU bash, version " + Prompt.RELEASE + "(1)-release (x86_64-pc-linux-gnu)\n");
                        return 0;
                    }
                    default -> { }
                }
                continue;
            }
            if ((a.startsWith("-") || a.startsWith("+")) && a.length() > 1) {
                boolean on = a.charAt(0) == '-';
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    switch (c) {
                        case 'c' -> cFlag = true;
                        case 'i' -> forceInteractive = true;
                        case 's' -> stdinFlag = true;
                        case 'l' -> { }
                        case 'o' -> { if (i + 1 < argv.size()) pre.setLong(argv.get(++i), on); }
                        default -> {
                            if (!pre.setFlag(c, on)) {
                                write(ctx, 2, base + ": -" + c + ": invalid option\n");
                                return 2;
                            }
                        }
                    }
                }
                continue;
            }
            break;
        }
        for (; i < argv.size(); i++) rest.add(argv.get(i));
        String arg0 = argv0;
        List<String> positional = new ArrayList<>();
        String script = null;
        if (cFlag) {
            if (rest.isEmpty()) {
                write(ctx, 2, argv0 + ": -c: option requires an argument\n");
                return 2;
            }
            command = rest.get(0);
            if (rest.size() > 1) {
                arg0 = rest.get(1);
                positional.addAll(rest.subList(2, rest.size()));
            }
        } else if (!rest.isEmpty() && !stdinFlag) {
            script = rest.get(0);
            arg0 = script;
            positional.addAll(rest.subList(1, rest.size()));
        } else {
            positional.addAll(rest);
        }
        Shell sh = new Shell(ctx, arg0, positional);
        sh.shellName = posix ? "sh" : "bash";
        sh.posix = posix;
        sh.cMode = cFlag;
        sh.scriptName = script;
        Options o = sh.opts;
        o.errexit = pre.errexit; o.nounset = pre.nounset; o.xtrace = pre.xtrace; o.noglob = pre.noglob;
        o.allexport = pre.allexport; o.noclobber = pre.noclobber; o.pipefail = pre.pipefail; o.verbose = pre.verbose;
        initVariables(sh, argv0);
        boolean interactive = forceInteractive || (command == null && script == null && ctx.isatty(0) && ctx.isatty(2));
        int st;
        try {
            if (command != null) {
                st = sh.runSource(command, argv0 + ": -c: ");
            } else if (script != null) {
                String text;
                try {
                    text = Redirections.readFile(sh, script);
                } catch (AgentOsException e) {
                    write(ctx, 2, argv0 + ": " + script + ": " + Shell.strerror(e) + "\n");
                    return e.code().equals("ENOENT") ? 127 : 126;
                }
                st = sh.runSource(text, script + ": ");
            } else if (interactive) {
                sh.interactive = true;
                st = new Interactive(sh).loop();
            } else {
                st = runStdin(sh, argv0 + ": ");
            }
        } catch (Shell.ExitException e) {
            st = e.status;
        } catch (StackOverflowError e) {
            sh.error("maximum function nesting level exceeded");
            st = 2;
        }
        return sh.children.runExitTrap(st) & 0xff;
    }

    /**
     * Reads commands from a non-terminal stdin a line at a time, running each as soon as it is complete, so
     * the commands can read the rest of stdin themselves (as bash does).
     */
    static int runStdin(Shell sh, String prefix) {
        StringBuilder pending = new StringBuilder();
        int firstLine = 1;
        boolean eof = false;
        while (!eof) {
            String line = readLine(sh);
            if (line == null) {
                eof = true;
                if (pending.isEmpty()) break;
            } else {
                pending.append(line).append('\n');
            }
            List<Ast.Command> cmds = new ArrayList<>();
            Parser p = sh.parser(pending.toString(), firstLine);
            try {
                Ast.Command c;
                while ((c = p.next()) != null) cmds.add(c);
                if (p.in.heredocUnterminated && !eof) continue;
            } catch (SyntaxError e) {
                boolean incomplete = e.getMessage().contains("unexpected end of file") || e.getMessage().startsWith("unexpected EOF");
                if (incomplete && !eof) continue;
                if (e.getMessage().startsWith("BADSUB:")) {
                    sh.reportSyntax(e, prefix);
                    sh.lastStatus = 1;
                    firstLine += (int) pending.chars().filter(ch -> ch == '\n').count();
                    pending.setLength(0);
                    continue;
                }
                for (Ast.Command c : cmds) sh.runTop(c);
                sh.reportSyntax(e, prefix);
                throw new Shell.ExitException(2);
            }
            firstLine += (int) pending.chars().filter(ch -> ch == '\n').count();
            pending.setLength(0);
            for (Ast.Command c : cmds) sh.runTop(c);
        }
        return sh.lastStatus;
    }

    private static String readLine(Shell sh) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        byte[] one = new byte[1];
        while (true) {
            int n;
            try {
                n = sh.ctx.read(0, one, 0, 1);
            } catch (AgentOsException e) {
                if (e.code().equals("EINTR")) { sh.runPendingTraps(); continue; }
                if (e.code().equals("EBADF")) return null;
                throw e;
            }
            if (n <= 0) return b.size() == 0 ? null : b.toString(java.nio.charset.StandardCharsets.UTF_8);
            if (one[0] == '\n') return b.toString(java.nio.charset.StandardCharsets.UTF_8);
            b.write(one[0]);
        }
    }

    private static void initVariables(Shell sh, String argv0) {
        ProcessContext ctx = sh.ctx;
        String pwd = sh.get("PWD");
        boolean valid = false;
        if (pwd != null && pwd.startsWith("/")) {
            try {
                valid = ctx.stat(pwd).ino() == ctx.stat(".").ino();
            } catch (AgentOsException e) {
                valid = false;
            }
        }
        Variables.Var p = sh.vars.getOrCreate("PWD");
        if (!valid) p.value = ctx.cwd();
        p.exported = true;
        set(sh, "PPID", Integer.toString(ctx.ppid()));
        set(sh, "OPTIND", "1");
        set(sh, "PS4", "+ ");
        set(sh, "BASH_VERSION", Prompt.RELEASE + "(1)-release");
        set(sh, "BASH", "/bin/bash");
        set(sh, "UID", Integer.toString(ctx.credentials().uid()));
        set(sh, "EUID", Integer.toString(ctx.credentials().uid()));
        set(sh, "HOSTTYPE", "x86_64");
        set(sh, "OSTYPE", "linux-gnu");
        set(sh, "MACHTYPE", "x86_64-pc-linux-gnu");
        set(sh, "IFS", " \t\n");
        if (sh.get("PS1") == null && sh.get("PS1") == null) set(sh, "PS2", "> ");
        String lvl = sh.get("SHLVL");
        Variables.Var v = sh.vars.getOrCreate("SHLVL");
        v.value = Long.toString(Shell.parseLongOr(lvl == null ? "0" : lvl, 0) + 1);
        v.exported = true;
        if (sh.get("HOME") == null) set(sh, "HOME", "/home/agentos");
        if (sh.get("PATH") == null) set(sh, "PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin:/opt/agentos/bin");
    }

    private static void set(Shell sh, String name, String value) {
        Variables.Var v = sh.vars.getOrCreate(name);
        v.value = value;
    }

    static void write(ProcessContext ctx, int fd, String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ctx.write(fd, b, 0, b.length);
    }
}
