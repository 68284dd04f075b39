package dev.agentos.shell;

import java.util.ArrayList;
import java.util.List;

/** The job table: background and stopped pipelines, numbered from 1. */
final class Jobs {
    /** One job: its processes, process group and what they report. */
    static final class Job {
        final int id;
        final List<Integer> pids;
        final int pgid;
        final String command;
        final boolean[] done;
        final int[] statuses;
        boolean stopped;
        boolean background;
        boolean reported;

        Job(int id, List<Integer> pids, int pgid, String command) {
            this.id = id;
            this.pids = pids;
            this.pgid = pgid;
            this.command = command;
            this.done = new boolean[pids.size()];
            this.statuses = new int[pids.size()];
        }

        boolean finished() {
            for (boolean d : done) if (!d) return false;
            return true;
        }

        int status() { return statuses[statuses.length - 1]; }

        int lastPid() { return pids.get(pids.size() - 1); }
    }

    final List<Job> list = new ArrayList<>();

    Job add(List<Integer> pids, int pgid, String command) {
        int id = 1;
        for (Job j : list) id = Math.max(id, j.id + 1);
        Job j = new Job(id, new ArrayList<>(pids), pgid, command);
        list.add(j);
        return j;
    }

    void remove(Job j) { list.remove(j); }

    Job byId(int id) {
        for (Job j : list) if (j.id == id) return j;
        return null;
    }

    Job byPid(int pid) {
        for (Job j : list) if (j.pids.contains(pid)) return j;
        return null;
    }

    Job current() { return list.isEmpty() ? null : list.get(list.size() - 1); }

    Job previous() { return list.size() < 2 ? null : list.get(list.size() - 2); }
}
