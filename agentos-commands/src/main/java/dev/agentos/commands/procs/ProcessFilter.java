package dev.agentos.commands.procs;

import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.ProcessInfo;
import dev.agentos.kernel.proc.ProcessState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * pgrep's selection: a regular expression over the command name (or the full command line with -f)
 * and criteria lists (-u, -U, -P, -g, -s, -t, -r, -O, -F), all of which must hold; -v negates,
 * -n and -o keep the newest or oldest. The calling process never matches itself.
 */
final class ProcessFilter {
    /** The command name as the kernel truncates it (TASK_COMM_LEN - 1). */
    static final int COMM_LENGTH = 15;

    Optional<Pattern> pattern = Optional.empty();
    boolean full;
    boolean inverse;
    boolean newest;
    boolean oldest;
    boolean ignoreAncestors;
    Set<Integer> euids;
    Set<Integer> uids;
    Set<Integer> parents;
    Set<Integer> groups;
    Set<Integer> sessions;
    Set<Integer> pids;
    Set<String> terminals;
    String runStates;
    long olderThanSeconds = -1;

    static String comm(ProcessInfo p) {
        String c = p.command();
        return c.length() > COMM_LENGTH ? c.substring(0, COMM_LENGTH) : c;
    }

    static String commandLine(ProcessInfo p) {
        return String.join(" ", p.argv());
    }

    boolean hasCriteria() {
        return pattern.isPresent() || euids != null || uids != null || parents != null || groups != null
                || sessions != null || pids != null || terminals != null || runStates != null || olderThanSeconds >= 0
                || newest || oldest;
    }

    List<ProcessInfo> select(ProcessContext ctx) {
        List<ProcessInfo> all = ctx.processes().stream().filter(p -> p.state() != ProcessState.EXITED).toList();
        ProcessInfo self = all.stream().filter(p -> p.pid() == ctx.pid()).findFirst().orElse(null);
        Set<Integer> ancestors = ignoreAncestors ? ancestors(all, ctx.pid()) : Set.of();
        long now = ctx.clock().millis();
        List<ProcessInfo> out = new ArrayList<>();
        for (ProcessInfo p : all) {
            if (p.pid() == ctx.pid() || ancestors.contains(p.pid())) continue;
            if (matches(p, self, now) != inverse) out.add(p);
        }
        if (newest || oldest) {
            Comparator<ProcessInfo> byStart = Comparator.comparingLong(ProcessInfo::startTimeMillis).thenComparingInt(ProcessInfo::pid);
            Optional<ProcessInfo> pick = newest ? out.stream().max(byStart) : out.stream().min(byStart);
            return pick.map(List::of).orElse(List.of());
        }
        return out;
    }

    private boolean matches(ProcessInfo p, ProcessInfo self, long now) {
        if (euids != null && !euids.contains(p.uid())) return false;
        if (uids != null && !uids.contains(p.uid())) return false;
        if (parents != null && !parents.contains(p.ppid())) return false;
        if (groups != null && !groups.contains(p.pgid()) && !(groups.contains(0) && self != null && self.pgid() == p.pgid())) return false;
        if (sessions != null && !sessions.contains(p.sid()) && !(sessions.contains(0) && self != null && self.sid() == p.sid())) return false;
        if (pids != null && !pids.contains(p.pid())) return false;
        if (terminals != null && !p.tty().map(t -> terminals.contains(t.replaceFirst("^/dev/", ""))).orElse(false)) return false;
        if (runStates != null && runStates.indexOf(p.state().letter()) < 0) return false;
        if (olderThanSeconds >= 0 && (now - p.startTimeMillis()) / 1000 < olderThanSeconds) return false;
        if (pattern.isPresent()) {
            String target = full && !p.argv().isEmpty() ? commandLine(p) : comm(p);
            return pattern.get().matcher(target).find();
        }
        return true;
    }

    private static Set<Integer> ancestors(List<ProcessInfo> all, int pid) {
        Set<Integer> out = new java.util.HashSet<>();
        int at = pid;
        while (true) {
            final int cur = at;
            Optional<ProcessInfo> p = all.stream().filter(q -> q.pid() == cur).findFirst();
            if (p.isEmpty() || p.get().ppid() == 0 || !out.add(p.get().ppid())) return out;
            at = p.get().ppid();
        }
    }
}
