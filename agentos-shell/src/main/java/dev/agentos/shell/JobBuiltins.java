package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.WaitOptions;
import dev.agentos.kernel.proc.WaitResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Job control builtins: wait, jobs, fg, bg, disown, kill, and the reaping of finished background jobs. */
final class JobBuiltins {
    private final Shell sh;

    JobBuiltins(Shell sh) {
        this.sh = sh;
    }

    void register(Map<String, Builtins.Builtin> t) {
            t.put("wait", this::waitBuiltin);
            t.put("jobs", this::jobs);
            t.put("fg", this::fg);
            t.put("bg", this::bg);
            t.put("kill", this::kill);
            t.put("disown", this::disown);
    }

    private void err(String msg) { sh.error(msg); }

    /** Reaps finished background jobs without blocking. */
    void pollJobs() {
        for (Jobs.Job j : new ArrayList<>(sh.jobs.list)) {
            for (int k = 0; k < j.pids.size(); k++) {
                if (j.done[k]) continue;
                try {
                    Optional<WaitResult> r = sh.ctx.waitpid(j.pids.get(k), new WaitOptions(true, true, false));
                    if (r.isPresent()) {
                        ExitStatus s = r.get().status();
                        if (s instanceof ExitStatus.Stopped) j.stopped = true;
                        else { j.done[k] = true; j.statuses[k] = s.shellStatus(); }
                    }
                } catch (AgentOsException e) {
                    j.done[k] = true;
                }
            }
        }
    }

    private Jobs.Job jobSpec(String spec, String who) {
        Jobs.Job j;
        if (spec == null || spec.equals("%%") || spec.equals("%+") || spec.equals("%")) j = sh.jobs.current();
        else if (spec.equals("%-")) j = sh.jobs.previous();
        else if (spec.startsWith("%")) {
            String s = spec.substring(1);
            j = null;
            if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) j = sh.jobs.byId(Integer.parseInt(s));
            else for (Jobs.Job x : sh.jobs.list) if (x.command.startsWith(s)) j = x;
        } else {
            try {
                j = sh.jobs.byPid(Integer.parseInt(spec));
            } catch (NumberFormatException e) {
                j = null;
            }
        }
        if (j == null) err(who + ": " + (spec == null ? "current" : spec) + ": no such job");
        return j;
    }

    private int waitBuiltin(List<String> a) {
        List<String> args = new ArrayList<>(a.subList(1, a.size()));
        boolean anyOne = args.remove("-n");
        if (args.isEmpty()) {
            if (anyOne) {
                if (sh.jobs.list.isEmpty()) return 127;
                while (true) {
                    try {
                        Optional<WaitResult> r = sh.ctx.waitpid(-1, WaitOptions.BLOCK);
                        if (r.isEmpty()) return 127;
                        Jobs.Job j = sh.jobs.byPid(r.get().pid());
                        if (j != null) sh.jobs.remove(j);
                        return r.get().status().shellStatus();
                    } catch (AgentOsException e) {
                        if (e.is(Errno.EINTR)) { sh.runPendingTraps(); return 128 + 2; }
                        return 127;
                    }
                }
            }
            for (Jobs.Job j : new ArrayList<>(sh.jobs.list)) {
                for (int k = 0; k < j.pids.size(); k++) {
                    if (j.done[k]) continue;
                    try {
                        Optional<WaitResult> r = sh.ctx.waitpid(j.pids.get(k), WaitOptions.BLOCK);
                        j.done[k] = true;
                        if (r.isPresent()) j.statuses[k] = r.get().status().shellStatus();
                    } catch (AgentOsException e) {
                        if (e.is(Errno.EINTR)) {
                            List<Signal> s = sh.ctx.takePendingSignals();
                            int sig = s.isEmpty() ? 2 : s.get(0).number();
                            for (Signal x : s) {
                                String h = sh.traps.get(x.shortName());
                                if (h != null && !h.isEmpty()) sh.runTrapText(h, sh.lastStatus);
                            }
                            return 128 + sig;
                        }
                        j.done[k] = true;
                    }
                }
                sh.jobs.remove(j);
            }
            return 0;
        }
        int st = 0;
        for (String s : args) {
            int pid;
            Jobs.Job j = null;
            if (s.startsWith("%")) {
                j = jobSpec(s, "wait");
                if (j == null) { st = 127; continue; }
                pid = j.lastPid();
            } else {
                try {
                    pid = Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    err("wait: `" + s + "': not a pid or valid job spec");
                    st = 2;
                    continue;
                }
                j = sh.jobs.byPid(pid);
            }
            if (j == null) {
                err("wait: pid " + pid + " is not a child of this shell");
                st = 127;
                continue;
            }
            int k = j.pids.indexOf(pid);
            if (j.done[k]) { st = j.statuses[k]; }
            else {
                try {
                    Optional<WaitResult> r = sh.ctx.waitpid(pid, WaitOptions.BLOCK);
                    st = r.map(w -> w.status().shellStatus()).orElse(0);
                    if (r.isPresent() && r.get().status() instanceof ExitStatus.Signaled sg
                            && sg.signal() != Signal.SIGINT && sg.signal() != Signal.SIGPIPE && sg.signal() != Signal.SIGTERM) {
                        err(pid + " " + String.format("%-24s", sg.signal() == Signal.SIGKILL ? "Killed" : sg.signal().name()) + j.command);
                    }
                    j.done[k] = true;
                    j.statuses[k] = st;
                } catch (AgentOsException e) {
                    if (e.is(Errno.EINTR)) {
                        List<Signal> sig = sh.ctx.takePendingSignals();
                        for (Signal x : sig) {
                            String h = sh.traps.get(x.shortName());
                            if (h != null && !h.isEmpty()) sh.runTrapText(h, sh.lastStatus);
                        }
                        return 128 + (sig.isEmpty() ? 2 : sig.get(0).number());
                    }
                    st = 127;
                }
            }
            if (j.finished()) sh.jobs.remove(j);
        }
        return st;
    }

    private int jobs(List<String> a) {
        pollJobs();
        boolean pids = a.contains("-p");
        boolean longFmt = a.contains("-l");
        Jobs.Job cur = sh.jobs.current(), prev = sh.jobs.previous();
        for (Jobs.Job j : new ArrayList<>(sh.jobs.list)) {
            if (pids) { sh.writeOut(j.pids.get(0) + "\n"); continue; }
            String state = j.finished() ? (j.status() == 0 ? "Done" : "Exit " + j.status()) : j.stopped ? "Stopped" : "Running";
            char mark = j == cur ? '+' : j == prev ? '-' : ' ';
            String cmd = j.command + (j.finished() || j.stopped ? "" : " &");
            sh.writeOut("[" + j.id + "]" + mark + "  " + (longFmt ? j.pids.get(0) + " " : "") + String.format("%-24s", state) + cmd + "\n");
            if (j.finished()) sh.jobs.remove(j);
        }
        return 0;
    }

    private int fg(List<String> a) {
        Jobs.Job j = jobSpec(a.size() > 1 ? a.get(1) : null, "fg");
        if (j == null) return 1;
        sh.writeOut(j.command + "\n");
        j.stopped = false;
        return sh.children.foreground(j, true);
    }

    private int bg(List<String> a) {
        Jobs.Job j = jobSpec(a.size() > 1 ? a.get(1) : null, "bg");
        if (j == null) return 1;
        j.stopped = false;
        sh.writeOut("[" + j.id + "]+ " + j.command + " &\n");
        try {
            sh.ctx.kill(-j.pgid, Signal.SIGCONT);
        } catch (AgentOsException e) {
            // already gone
        }
        return 0;
    }

    private int disown(List<String> a) {
        Jobs.Job j = jobSpec(a.size() > 1 ? a.get(1) : null, "disown");
        if (j == null) return 1;
        sh.jobs.remove(j);
        return 0;
    }

    private int kill(List<String> a) {
        if (a.size() < 2) {
            err("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]");
            return 2;
        }
        Signal sig = Signal.SIGTERM;
        int i = 1;
        String first = a.get(1);
        if (first.equals("-l") || first.equals("-L")) {
            if (a.size() > 2) {
                int st = 0;
                for (String s : a.subList(2, a.size())) {
                    try {
                        int n = Integer.parseInt(s);
                        if (n > 128) n -= 128;
                        Optional<Signal> x = Signal.of(n);
                        if (x.isPresent()) sh.writeOut(x.get().shortName() + "\n");
                        else { err("kill: " + s + ": invalid signal specification"); st = 1; }
                    } catch (NumberFormatException e) {
                        Optional<Signal> x = Signal.parse(s);
                        if (x.isPresent()) sh.writeOut(x.get().number() + "\n");
                        else { err("kill: " + s + ": invalid signal specification"); st = 1; }
                    }
                }
                return st;
            }
            StringBuilder b = new StringBuilder();
            int k = 0;
            for (Signal s : Signal.values()) {
                b.append(String.format("%2d) %-10s", s.number(), s.name()));
                b.append(++k % 5 == 0 ? "\n" : "\t");
            }
            sh.writeOut(b.toString().stripTrailing() + "\n");
            return 0;
        }
        if (first.equals("-s") || first.equals("-n")) {
            if (a.size() < 3) { err("kill: " + first + ": option requires an argument"); return 2; }
            Optional<Signal> s = Signal.parse(a.get(2));
            if (s.isEmpty()) { err("kill: " + a.get(2) + ": invalid signal specification"); return 1; }
            sig = s.get();
            i = 3;
        } else if (first.startsWith("-") && first.length() > 1 && !first.equals("--")) {
            Optional<Signal> s = first.equals("-0") ? Optional.empty() : Signal.parse(first.substring(1));
            if (s.isEmpty() && !first.equals("-0")) { err("kill: " + first.substring(1) + ": invalid signal specification"); return 1; }
            sig = s.orElse(null);
            i = 2;
        } else if (first.equals("--")) i = 2;
        int st = 0;
        for (; i < a.size(); i++) {
            String t = a.get(i);
            int pid;
            if (t.startsWith("%")) {
                Jobs.Job j = jobSpec(t, "kill");
                if (j == null) { st = 1; continue; }
                pid = -j.pgid;
                if (j.pgid == sh.ctx.pgid()) pid = j.pids.get(0);
            } else {
                try {
                    pid = Integer.parseInt(t);
                } catch (NumberFormatException e) {
                    err("kill: " + t + ": arguments must be process or job IDs");
                    st = 1;
                    continue;
                }
            }
            try {
                if (sig == null) {
                    final int target = Math.abs(pid);
                    boolean alive = sh.ctx.processes().stream().anyMatch(p -> p.pid() == target && p.exitStatus().isEmpty());
                    if (!alive) throw AgentOsException.errnoDetail(Errno.ESRCH, "kill");
                } else sh.ctx.kill(pid, sig);
            } catch (AgentOsException e) {
                err("kill: (" + t + ") - " + Shell.strerror(e));
                st = 1;
            }
        }
        return st;
    }
}
