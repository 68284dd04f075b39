package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.proc.SpawnRequest.FdAction;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.OpenFlags;
import dev.agentos.shell.Ast.Redir;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Applies redirections in the shell process, saving the fds they replace (at 10 and up) for restoring. */
final class Redirections {
    private Redirections() {}

    /** What to undo: each fd and the saved copy of its old file (-1: it was closed). */
    static final class Saved {
        private final Shell sh;
        private final List<int[]> entries = new ArrayList<>();
        private boolean permanent;

        Saved(Shell sh) { this.sh = sh; }

        static final Saved NONE = new Saved(null);

        void restore() {
            if (permanent || sh == null) return;
            for (int i = entries.size() - 1; i >= 0; i--) {
                int[] e = entries.get(i);
                try {
                    if (e[1] >= 0) {
                        sh.ctx.dup2(e[1], e[0]);
                        sh.ctx.close(e[1]);
                    } else {
                        try { sh.ctx.close(e[0]); } catch (AgentOsException ignored) { /* already closed */ }
                    }
                } catch (AgentOsException ignored) {
                    // best effort
                }
            }
            entries.clear();
        }

        /** exec without a command: the redirections stay. */
        void keep() {
            for (int[] e : entries) if (e[1] >= 0) sh.ctx.close(e[1]);
            entries.clear();
            permanent = true;
        }

        private void save(int fd) {
            for (int[] e : entries) if (e[0] == fd) return;
            int copy = -1;
            try {
                copy = sh.ctx.dupAtLeast(fd, 10);
                sh.ctx.setCloseOnExec(copy, true);
            } catch (AgentOsException e) {
                // fd was not open
            }
            entries.add(new int[] {fd, copy});
        }
    }

    static Saved apply(Shell sh, List<Redir> redirs) {
        if (redirs.isEmpty()) return Saved.NONE;
        Saved saved = new Saved(sh);
        try {
            for (Redir r : redirs) applyOne(sh, r, saved);
        } catch (RuntimeException e) {
            saved.restore();
            throw e;
        }
        return saved;
    }

    private static int defaultFd(String op) {
        return op.startsWith("<") ? 0 : 1;
    }

    private static void applyOne(Shell sh, Redir r, Saved saved) {
        String op = r.op();
        int fd = r.fd() >= 0 ? r.fd() : defaultFd(op);
        if (r.heredoc() != null || op.equals("<<<")) {
            String text;
            if (r.heredoc() != null) {
                Ast.HereDoc hd = r.heredoc();
                if (hd.expand) {
                    if (hd.parsed == null) hd.parsed = new Parser(hd.body, sh.lineno + 1).words.parseEmbedded(WordParser.Mode.HEREDOC);
                    text = sh.expander.expandString(hd.parsed);
                } else {
                    text = hd.body;
                }
            } else {
                text = sh.expander.expandString(r.target()) + "\n";
            }
            int rfd = pipeWith(sh, text);
            saved.save(fd);
            move(sh, rfd, fd);
            return;
        }
        if (op.equals(">&") || op.equals("<&")) {
            String t = sh.expander.expandString(r.target());
            if (t.equals("-")) {
                saved.save(fd);
                try { sh.ctx.close(fd); } catch (AgentOsException ignored) { /* closing a closed fd is fine */ }
                return;
            }
            boolean move = t.endsWith("-") && t.length() > 1 && isDigits(t.substring(0, t.length() - 1));
            String num = move ? t.substring(0, t.length() - 1) : t;
            if (isDigits(num)) {
                int from = Integer.parseInt(num);
                saved.save(fd);
                try {
                    if (from != fd) sh.ctx.dup2(from, fd);
                    else sh.ctx.fstat(fd);
                } catch (AgentOsException e) {
                    sh.error(num + ": Bad file descriptor");
                    throw new Shell.CommandFailed(1, false);
                }
                if (move) sh.ctx.close(from);
                return;
            }
            if (op.equals("<&")) {
                sh.error(t + ": ambiguous redirect");
                throw new Shell.CommandFailed(1, false);
            }
            // >&file is &>file
            openOnto(sh, t, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 1, saved, true);
            saved.save(2);
            sh.ctx.dup2(1, 2);
            return;
        }
        List<String> fields = sh.expander.expandWords(List.of(r.target()));
        if (fields.size() != 1) {
            sh.error(r.target().raw() + ": ambiguous redirect");
            throw new Shell.CommandFailed(1, false);
        }
        String path = fields.get(0);
        switch (op) {
            case "<" -> openOnto(sh, path, OpenFlags.O_RDONLY, fd, saved, false);
            case ">", ">|" -> openOnto(sh, path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, fd, saved,
                    op.equals(">") && sh.opts.noclobber);
            case ">>" -> openOnto(sh, path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_APPEND, fd, saved, false);
            case "<>" -> openOnto(sh, path, OpenFlags.O_RDWR | OpenFlags.O_CREAT, fd, saved, false);
            case "&>", "&>>" -> {
                int flags = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | (op.equals("&>") ? OpenFlags.O_TRUNC : OpenFlags.O_APPEND);
                openOnto(sh, path, flags, 1, saved, op.equals("&>") && sh.opts.noclobber);
                saved.save(2);
                sh.ctx.dup2(1, 2);
            }
            default -> throw new IllegalStateException(op);
        }
    }

    /**
     * The redirections of a directly spawned command as fd actions run in the child after {@code base};
     * files are opened here (so errors are reported here) and listed in {@code toClose} for the caller.
     */
    static List<FdAction> asActions(Shell sh, List<Redir> redirs, List<Integer> toClose) {
        List<FdAction> acts = new ArrayList<>();
        for (Redir r : redirs) {
            String op = r.op();
            int fd = r.fd() >= 0 ? r.fd() : defaultFd(op);
            if (r.heredoc() != null || op.equals("<<<")) {
                String text;
                if (r.heredoc() != null) {
                    Ast.HereDoc hd = r.heredoc();
                    if (hd.expand) {
                        if (hd.parsed == null) hd.parsed = new Parser(hd.body, sh.lineno + 1).words.parseEmbedded(WordParser.Mode.HEREDOC);
                        text = sh.expander.expandString(hd.parsed);
                    } else text = hd.body;
                } else text = sh.expander.expandString(r.target()) + "\n";
                int rfd = pipeWith(sh, text);
                toClose.add(rfd);
                acts.add(new FdAction.Dup2(rfd, fd));
                continue;
            }
            if (op.equals(">&") || op.equals("<&")) {
                String t = sh.expander.expandString(r.target());
                if (t.equals("-")) { acts.add(new FdAction.Close(fd)); continue; }
                boolean move = t.endsWith("-") && t.length() > 1 && isDigits(t.substring(0, t.length() - 1));
                String num = move ? t.substring(0, t.length() - 1) : t;
                if (isDigits(num)) {
                    int from = Integer.parseInt(num);
                    try {
                        sh.ctx.fstat(from);
                    } catch (AgentOsException e) {
                        boolean earlier = false;
                        for (FdAction a : acts) if (a instanceof FdAction.Dup2 d && d.to() == from) earlier = true;
                        if (!earlier) {
                            sh.error(num + ": Bad file descriptor");
                            throw new Shell.CommandFailed(1, false);
                        }
                    }
                    if (from != fd) acts.add(new FdAction.Dup2(from, fd));
                    if (move) acts.add(new FdAction.Close(from));
                    continue;
                }
                if (op.equals("<&")) {
                    sh.error(t + ": ambiguous redirect");
                    throw new Shell.CommandFailed(1, false);
                }
                int f = openFile(sh, t, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, false);
                toClose.add(f);
                acts.add(new FdAction.Dup2(f, 1));
                acts.add(new FdAction.Dup2(f, 2));
                continue;
            }
            List<String> fields = sh.expander.expandWords(List.of(r.target()));
            if (fields.size() != 1) {
                sh.error(r.target().raw() + ": ambiguous redirect");
                throw new Shell.CommandFailed(1, false);
            }
            String path = fields.get(0);
            int flags = switch (op) {
                case "<" -> OpenFlags.O_RDONLY;
                case ">", ">|", "&>" -> OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC;
                case ">>", "&>>" -> OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_APPEND;
                default -> OpenFlags.O_RDWR | OpenFlags.O_CREAT;
            };
            int f = openFile(sh, path, flags, (op.equals(">") || op.equals("&>")) && sh.opts.noclobber);
            toClose.add(f);
            if (op.startsWith("&")) {
                acts.add(new FdAction.Dup2(f, 1));
                acts.add(new FdAction.Dup2(f, 2));
            } else acts.add(new FdAction.Dup2(f, fd));
        }
        return acts;
    }

    private static int openFile(Shell sh, String path, int flags, boolean noclobber) {
        try {
            if (noclobber) {
                try {
                    if (sh.ctx.stat(path).isRegular()) {
                        sh.error(path + ": cannot overwrite existing file");
                        throw new Shell.CommandFailed(1, false);
                    }
                } catch (AgentOsException e) {
                    // does not exist: fine
                }
            }
            int f = sh.ctx.open(path, flags, 0666);
            return f < 10 ? moveUp(sh, f) : f;
        } catch (AgentOsException e) {
            sh.error(path + ": " + Shell.strerror(e));
            throw new Shell.CommandFailed(1, false);
        }
    }

    private static int moveUp(Shell sh, int f) {
        int g = sh.ctx.dupAtLeast(f, 10);
        sh.ctx.close(f);
        return g;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }

    private static void openOnto(Shell sh, String path, int flags, int fd, Saved saved, boolean noclobber) {
        int nfd;
        try {
            if (noclobber) {
                try {
                    FileStat st = sh.ctx.stat(path);
                    if (st.isRegular()) {
                        sh.error(path + ": cannot overwrite existing file");
                        throw new Shell.CommandFailed(1, false);
                    }
                } catch (AgentOsException e) {
                    // does not exist: fine
                }
            }
            nfd = sh.ctx.open(path, flags, 0666);
        } catch (AgentOsException e) {
            sh.error(path + ": " + Shell.strerror(e));
            throw new Shell.CommandFailed(1, false);
        }
        saved.save(fd);
        move(sh, nfd, fd);
    }

    private static void move(Shell sh, int from, int to) {
        if (from == to) return;
        sh.ctx.dup2(from, to);
        sh.ctx.close(from);
    }

    /** A pipe whose read end yields text: written directly when it fits, else by a writer process. */
    static int pipeWith(Shell sh, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int[] p = sh.ctx.pipe();
        if (b.length <= 60_000) {
            sh.ctx.write(p[1], b, 0, b.length);
            sh.ctx.close(p[1]);
            return p[0];
        }
        try {
            sh.children.forkProgram(child -> {
                child.ctx.write(1, b, 0, b.length);
                return 0;
            }, List.of(new FdAction.Dup2(p[1], 1), new FdAction.Close(p[1]), new FdAction.Close(p[0])), SpawnRequest.ProcessGroup.INHERIT);
        } finally {
            sh.ctx.close(p[1]);
        }
        return p[0];
    }

    static String readAll(Shell sh, int fd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (true) {
            int n;
            try {
                n = sh.ctx.read(fd, buf, 0, buf.length);
            } catch (AgentOsException e) {
                if (e.is(Errno.EINTR)) continue;
                throw e;
            }
            if (n <= 0) break;
            out.write(buf, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String readFile(Shell sh, String path) {
        int fd = sh.ctx.open(path, OpenFlags.O_RDONLY, 0);
        try {
            return readAll(sh, fd);
        } finally {
            sh.ctx.close(fd);
        }
    }
}
