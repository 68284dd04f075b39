package dev.agentos.shell;

import dev.agentos.shell.Ast.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the compound commands: and-or lists, if, while/until, for (both forms), case, and commands with
 * redirections attached.
 */
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
                sh.debugTrap(f); // bash traps before each iteration
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

    /**
     * select: the menu and PS3 go to stderr, a line is read into REPLY, the variable gets the chosen word
     * (empty for anything else), an empty line shows the menu again, end of input ends it with status 1.
     * The layout is bash's print_select_list: columns down then across, COLUMNS wide (80 by default).
     */
    int execSelect(Select f) {
        sh.lineno = f.line();
        List<String> items = f.items() == null ? new ArrayList<>(sh.positional) : sh.expander.expandWords(f.items());
        if (items.isEmpty()) return 0;
        int st = 0;
        boolean menu = true;
        sh.loopDepth++;
        try {
            while (true) {
                sh.lineno = f.line();
                sh.debugTrap(f);
                String ps3 = sh.get("PS3");
                String choice = selectQuery(items, ps3 == null ? "#? " : ps3, menu);
                if (choice == null) { st = 1; break; }
                sh.setVar(f.var(), choice);
                try {
                    st = sh.exec(f.body());
                } catch (Shell.LoopControl lc) {
                    if (--lc.levels > 0) throw lc;
                    if (lc.isBreak) { st = 0; break; }
                }
                String reply = sh.get("REPLY");
                menu = reply != null && reply.isEmpty();
            }
        } finally {
            sh.loopDepth--;
        }
        return st;
    }

    /** One round of bash's select_query: the chosen word, "" for a bad reply, null at end of input. */
    private String selectQuery(List<String> items, String prompt, boolean menu) {
        int maxLen = 0;
        for (String s : items) maxLen = Math.max(maxLen, s.codePointCount(0, s.length()));
        int indexLen = Integer.toString(items.size()).length();
        maxLen += indexLen + 4; // ") " and two spaces between columns
        while (true) {
            if (menu) sh.writeErr(menuText(items, maxLen, indexLen));
            sh.writeErr(prompt);
            if (new ReadBuiltin(sh).run(List.of("read")) != 0) {
                sh.writeOut("\n");
                return null;
            }
            String reply = sh.get("REPLY");
            if (reply == null) return null;
            if (reply.isEmpty()) { menu = true; continue; }
            long n;
            try {
                n = Long.parseLong(reply.strip());
            } catch (NumberFormatException e) {
                return "";
            }
            return n >= 1 && n <= items.size() ? items.get((int) n - 1) : "";
        }
    }

    private String menuText(List<String> items, int maxLen, int indexLen) {
        String columns = sh.get("COLUMNS");
        long cols = columns == null ? 80 : Shell.parseLongOr(columns, 80);
        if (cols <= 0) cols = 80;
        int n = items.size();
        int ncols = (int) Math.max(1, cols / maxLen);
        int rows = n / ncols + (n % ncols != 0 ? 1 : 0);
        ncols = n / rows + (n % rows != 0 ? 1 : 0);
        if (rows == 1) { rows = ncols; ncols = 1; }
        int firstLen = Integer.toString(rows).length();
        StringBuilder b = new StringBuilder();
        for (int row = 0; row < rows; row++) {
            int ind = row;
            int pos = 0;
            while (true) {
                int width = pos == 0 ? firstLen : indexLen;
                String item = items.get(ind);
                b.append(String.format("%" + width + "d) ", ind + 1)).append(item);
                int len = item.codePointCount(0, item.length()) + width + 2;
                ind += rows;
                if (ind >= n) break;
                for (int from = pos + len, to = pos + maxLen; from < to; ) { // bash's indent(): tabs of 8, then spaces
                    if (to / 8 > from / 8) { b.append('\t'); from += 8 - from % 8; } else { b.append(' '); from++; }
                }
                pos += maxLen;
            }
            b.append('\n');
        }
        return b.toString();
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
