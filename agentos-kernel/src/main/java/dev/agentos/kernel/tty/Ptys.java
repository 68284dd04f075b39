package dev.agentos.kernel.tty;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.SignalSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/** A VM's PTY table (devpts): hands out the lowest free index and enforces the VM's PTY limit. */
public final class Ptys {
    private final SignalSink signals;
    private final int maxPtys;
    private final ReentrantLock lock = new ReentrantLock();
    // Index -> Pty; a slot is free again once its Pty is closed on both sides.
    private final List<Pty> table = new ArrayList<>();

    public Ptys(SignalSink signals, int maxPtys) {
        if (maxPtys < 0) throw new IllegalArgumentException("negative PTY limit: " + maxPtys);
        this.signals = signals;
        this.maxPtys = maxPtys;
    }

    /** posix_openpt: a new PTY at the lowest free index; EAGAIN when the limit is reached. */
    public Pty open() {
        lock.lock();
        try {
            int free = -1;
            int live = 0;
            for (int i = 0; i < table.size(); i++) {
                Pty p = table.get(i);
                if (p == null || p.isClosed()) {
                    if (free < 0) free = i;
                } else {
                    live++;
                }
            }
            if (live >= maxPtys) {
                throw AgentOsException.errnoDetail(Errno.EAGAIN, "posix_openpt (limit of " + maxPtys + " PTYs reached)");
            }
            if (free < 0) {
                free = table.size();
                table.add(null);
            }
            Pty pty = new Pty(free, signals);
            table.set(free, pty);
            return pty;
        } finally {
            lock.unlock();
        }
    }

    /** The open PTY numbered {@code index} (what /dev/pts/N resolves to). */
    public Optional<Pty> get(int index) {
        lock.lock();
        try {
            if (index < 0 || index >= table.size()) return Optional.empty();
            Pty p = table.get(index);
            return p == null || p.isClosed() ? Optional.empty() : Optional.of(p);
        } finally {
            lock.unlock();
        }
    }

    /** The open PTYs by index (what /dev/pts lists). */
    public List<Pty> list() {
        lock.lock();
        try {
            List<Pty> open = new ArrayList<>();
            for (Pty p : table) if (p != null && !p.isClosed()) open.add(p);
            return List.copyOf(open);
        } finally {
            lock.unlock();
        }
    }
}
