package dev.agentos.kernel.limit;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.io.AbstractFileDescription;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.io.Pipe;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts a VM's pipes against {@link Limits#maxPipes()}. A pipe stops counting once both of its ends
 * are closed; closed pipes are pruned lazily when a new one is asked for, so closing stays free.
 */
public final class PipeQuota {
    private final int max;
    private final List<Pipe> live = new ArrayList<>();
    private int pruneAt = 32;

    public PipeQuota(int max) {
        this.max = max;
    }

    /** A new pipe, or ENFILE naming the limit. */
    public synchronized Pipe create() {
        if (live.size() >= Math.min(max, pruneAt)) {
            // closed pipes are let go in batches, so the list stays about twice the live count
            live.removeIf(p -> !isOpen(p.readEnd()) && !isOpen(p.writeEnd()));
            pruneAt = Math.max(32, live.size() * 2);
        }
        if (live.size() >= max) {
            throw AgentOsException.errnoDetail(Errno.ENFILE, "pipe (limit of " + max + " pipes reached)");
        }
        Pipe p = Pipe.create();
        live.add(p);
        return p;
    }

    private static boolean isOpen(FileDescription end) {
        return !(end instanceof AbstractFileDescription a) || a.isOpen();
    }
}
