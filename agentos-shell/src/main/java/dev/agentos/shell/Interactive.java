package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.proc.SignalDisposition;
import java.util.ArrayList;
import java.util.List;

/** The interactive loop: prompts, the line editor, continuation lines, job notifications. */
final class Interactive {
    private final Shell sh;
    private final LineEditor editor;

    Interactive(Shell sh) {
        this.sh = sh;
        this.editor = new LineEditor(sh, sh.history.entries);
    }

    int loop() {
        sh.opts.history = true;
        if (sh.get("HISTFILE") == null && sh.get("HOME") != null) sh.setVar("HISTFILE", sh.get("HOME") + "/.bash_history");
        if (sh.history.file() != null) sh.history.read(sh.history.file());
        try {
            return readEvalLoop();
        } finally {
            sh.history.save();
        }
    }

    private int readEvalLoop() {
        boolean tty = sh.ctx.isatty(0);
        sh.opts.expandAliases = true;
        if (tty) {
            sh.opts.monitor = true;
            // caught, not ignored: an ignored signal would stay ignored in every job we start
            for (Signal s : new Signal[] {Signal.SIGINT, Signal.SIGQUIT, Signal.SIGTSTP, Signal.SIGTTOU, Signal.SIGTTIN}) {
                try { sh.ctx.signalDisposition(s, SignalDisposition.CATCH); } catch (AgentOsException ignored) { /* fine */ }
            }
            try {
                sh.ctx.terminal(0).setForegroundGroup(sh.ctx.pgid());
            } catch (AgentOsException ignored) {
                // not our terminal: still usable without job control
            }
        }
        while (true) {
            reportJobs();
            String ps1 = sh.get("PS1");
            if (ps1 == null) ps1 = "\\s-\\v\\$ ";
            String line = editor.readLine(Prompt.expand(sh, ps1));
            if (line == null) {
                sh.writeErr("exit\n");
                return sh.lastStatus;
            }
            if (line.equals(LineEditor.CANCELLED)) { sh.lastStatus = 130; continue; }
            StringBuilder src = new StringBuilder(line);
            Ast.Command cmd = null;
            List<Ast.Command> cmds = new ArrayList<>();
            boolean failed = false;
            while (true) {
                try {
                    cmds.clear();
                    Parser p = sh.parser(src.toString(), 1);
                    while ((cmd = p.next()) != null) cmds.add(cmd);
                    break;
                } catch (SyntaxError e) {
                    if (e.getMessage().contains("unexpected end of file") || e.getMessage().contains("unexpected EOF")) {
                        String ps2 = sh.get("PS2");
                        String more = editor.readLine(ps2 == null ? "> " : Prompt.expand(sh, ps2));
                        if (more == null || more.equals(LineEditor.CANCELLED)) { failed = true; break; }
                        src.append('\n').append(more);
                        continue;
                    }
                    sh.writeErr(sh.arg0 + ": " + e.getMessage() + "\n");
                    sh.lastStatus = 2;
                    failed = true;
                    break;
                }
            }
            sh.history.add(src.toString());
            if (failed) continue;
            try {
                for (Ast.Command c : cmds) sh.runTop(c);
            } catch (Shell.ExitException e) {
                return e.status;
            } catch (AgentOsException e) {
                if (!e.is(Errno.EINTR)) sh.writeErr(sh.arg0 + ": " + e.getMessage() + "\n");
            }
        }
    }

    private void reportJobs() {
        if (sh.jobs.list.isEmpty()) return;
        sh.builtins.jobs.pollJobs();
        for (Jobs.Job j : new ArrayList<>(sh.jobs.list)) {
            if (j.finished() && j.background) {
                String state = j.status() == 0 ? "Done" : "Exit " + j.status();
                sh.writeErr("[" + j.id + "]+  " + String.format("%-24s", state) + j.command + "\n");
                sh.jobs.remove(j);
            }
        }
    }
}
