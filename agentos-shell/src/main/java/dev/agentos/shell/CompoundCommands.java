package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.SignalDisposition;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.proc.SpawnRequest.FdAction;
import dev.agentos.kernel.proc.WaitOptions;
import dev.agentos.kernel.proc.WaitResult;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.OpenFlags;
import dev.agentos.shell.Ast.*;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs the compound commands: and-or lists, if, while/until, for (both forms), case, and commands with redirections attached. */
final class CompoundCommands {
    final Shell sh;

    CompoundCommands(Shell sh) {
        this.sh = sh;
    }

    int execAndOr(AndOr a) {
        sh.noErrexit++;
        int st;
        try {
            st = sh.exec(a.left());
        } finally {
            sh.noErrexit--;
        }
        sh.lastStatus = st;
        if ((st == 0) == a.and()) return sh.exec(a.right());
        return st;
    }

    int execIf(If i) {
        for (int k = 0; k < i.conds().size(); k++) {
            int st;
            sh.noErrexit++;
            try {
                st = sh.exec(i.conds().get(k));
            } finally {
                sh.noErrexit--;
            }
            if (st == 0) return sh.exec(i.bodies().get(k));
        }
        if (i.elseBody() != null) return sh.exec(i.elseBody());
        return 0;
    }

    int execLoop(Loop l) {
        int st = 0;
        sh.loopDepth++;
        try {
            while (true) {
                sh.ctx.checkSignals();
                int c;
                sh.noErrexit++;
                try {
                    c = sh.exec(l.cond());
                } finally {
                    sh.noErrexit--;
                }
                if ((c == 0) == l.until()) break;
                try {
                    st = sh.exec(l.body());
                } catch (Shell.LoopControl lc) {
                    if (--lc.levels > 0) throw lc;
                    if (lc.isBreak) { st = 0; break; }
                    st = 0;
                }
                if (!sh.inTrap) sh.runPendingTraps();
            }
        } finally {
            sh.loopDepth--;
        }
        return st;
    }

    int execFor(For f) {
        sh.lineno = f.line();
        List<String> items = f.items() == null ? new ArrayList<>(sh.positional) : sh.expander.expandWords(f.items());
        int st = 0;
        sh.loopDepth++;
        try {
            for (String item : items) {
                sh.ctx.checkSignals();
                sh.setVar(f.var(), item);
                if (sh.opts.xtrace) sh.writeErr(sh.simple.xtracePrefix() + "for " + f.var() + " in ...\n");
                try {
                    st = sh.exec(f.body());
                } catch (Shell.LoopControl lc) {
                    if (--lc.levels > 0) throw lc;
                    if (lc.isBreak) { st = 0; break; }
                }
            }
        } finally {
            sh.loopDepth--;
        }
        return st;
    }

    int execArithFor(ArithFor f) {
        sh.lineno = f.line();
        int st = 0;
        sh.loopDepth++;
        try {
            if (!f.init().isEmpty()) sh.arith(sh.expander.expandArithText(f.init()));
            while (true) {
                sh.ctx.checkSignals();
                if (!f.cond().isEmpty() && sh.arith(sh.expander.expandArithText(f.cond())) == 0) break;
                try {
                    st = sh.exec(f.body());
                } catch (Shell.LoopControl lc) {
                    if (--lc.levels > 0) throw lc;
                    if (lc.isBreak) { st = 0; break; }
                }
                if (!f.step().isEmpty()) sh.arith(sh.expander.expandArithText(f.step()));
            }
        } finally {
            sh.loopDepth--;
        }
        return st;
    }

    int execCase(Case k) {
        sh.lineno = k.line();
        String subject = sh.expander.expandString(k.subject());
        boolean fall = false;
        for (int i = 0; i < k.items().size(); i++) {
            CaseItem item = k.items().get(i);
            boolean match = fall;
            if (!match) {
                for (Word p : item.patterns()) {
                    if (Patterns.matches(sh.expander.expandPattern(p), subject)) { match = true; break; }
                }
            }
            if (!match) continue;
            int st = item.body() == null ? 0 : sh.exec(item.body());
            sh.lastStatus = st;
            if (item.terminator().equals(";&")) { fall = true; continue; }
            if (item.terminator().equals(";;&")) { fall = false; continue; }
            return st;
        }
        return fall ? sh.lastStatus : 0;
    }

    int execRedirected(Redirected r) {
        Redirections.Saved saved;
        try {
            saved = Redirections.apply(sh, r.redirs());
        } catch (Shell.CommandFailed f) {
            return f.status;
        }
        try {
            return sh.exec(r.cmd());
        } finally {
            saved.restore();
        }
    }
}
