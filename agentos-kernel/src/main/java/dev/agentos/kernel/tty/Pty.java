package dev.agentos.kernel.tty;

import dev.agentos.kernel.io.ByteRing;
import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.SignalSink;
import dev.agentos.kernel.io.FileDescription;
import dev.agentos.kernel.io.Pollable;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A pseudo-terminal: a master that an API client or terminal emulator drives, a slave (/dev/pts/N)
 * that a shell uses as its terminal, and the line discipline between them. Input typed at the master
 * goes through the {@link LineDiscipline} to slave reads; slave output goes through the
 * {@link OutputProcessor} to master reads.
 *
 * <p>One lock guards both directions, because echo ties them together. Signals and readiness
 * listeners are always run after it is released (they reach into the process table and pollers).
 * Gaps against Linux: IXON consumes ^S/^Q but does not stop output; background-group reads and writes
 * (SIGTTIN/SIGTTOU) are not policed.
 */
public final class Pty {
    static final long DEVPTS_DEV = 24;
    static final int OWNER_UID = 1000;
    static final int TTY_GID = 5;
    static final int OUTPUT_CAPACITY = 64 * 1024;

    private final int index;
    private final PtyTerminal terminal;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition inputReady = lock.newCondition();  // slave may read; hangup
    private final Condition inputSpace = lock.newCondition();  // master may type more
    private final Condition outputReady = lock.newCondition(); // master may read; slaves all gone
    private final Condition outputSpace = lock.newCondition(); // slave may write more; hangup
    private final ByteRing output = new ByteRing(OUTPUT_CAPACITY);
    private final OutputProcessor outputProcessor = new OutputProcessor();
    private final LineDiscipline discipline = new LineDiscipline(outputProcessor, output);
    private final PtyMaster master;
    private final CopyOnWriteArrayList<PtySlave> slaves = new CopyOnWriteArrayList<>();
    private boolean masterOpen = true;
    private boolean slaveEverOpened;

    /** A new PTY numbered {@code index}; signals from ^C, ^Z, resizes and hangup go to {@code signals}. */
    public Pty(int index, SignalSink signals) {
        if (index < 0) throw new IllegalArgumentException("negative pty index: " + index);
        this.index = index;
        this.terminal = new PtyTerminal(this, signals);
        this.master = new PtyMaster(this, OpenFlags.O_RDWR, System.currentTimeMillis() * 1_000_000L);
    }

    /** The master description; the caller owns its one reference. */
    public FileDescription master() { return master; }

    /** Opens /dev/pts/N again: every call is a new description. EIO once the master is gone. */
    public FileDescription openSlave(int flags) {
        lock.lock();
        try {
            if (!masterOpen) throw AgentOsException.errno(Errno.EIO, "open", terminal.name());
            PtySlave slave = new PtySlave(this, flags, System.currentTimeMillis() * 1_000_000L);
            slaves.add(slave);
            slaveEverOpened = true;
            outputReady.signalAll();
            return slave;
        } finally {
            lock.unlock();
            fireAll();
        }
    }

    public Terminal terminal() { return terminal; }

    public int index() { return index; }

    /** True once the master and every slave description are closed: the index can be reused. */
    public boolean isClosed() {
        lock.lock();
        try { return !masterOpen && slaves.isEmpty(); } finally { lock.unlock(); }
    }

    // ---- master side ----

    int masterWrite(byte[] buf, int off, int len, boolean nonBlocking) {
        int done = 0;
        while (done < len) {
            List<Signal> raised = List.of();
            lock.lock();
            try {
                if (slaveHungUp()) throw AgentOsException.errnoDetail(Errno.EIO, "write");
                Termios t = terminal.attributes();
                while (!discipline.canAccept(t)) {
                    if (nonBlocking) throw AgentOsException.errnoDetail(Errno.EAGAIN, "write");
                    awaitOrEintr(inputSpace, "write");
                    if (slaveHungUp()) throw AgentOsException.errnoDetail(Errno.EIO, "write");
                    t = terminal.attributes();
                }
                while (done < len && discipline.canAccept(t)) discipline.receive(t, buf[off + done++]);
                raised = discipline.drainSignals();
                inputReady.signalAll();
                outputReady.signalAll(); // echo
            } catch (AgentOsException e) {
                if (done > 0) return done;
                throw e;
            } finally {
                lock.unlock();
                deliver(raised);
                fireAll();
            }
        }
        return done;
    }

    int masterRead(byte[] buf, int off, int len, boolean nonBlocking) {
        if (len == 0) return 0;
        int n;
        lock.lock();
        try {
            while (output.isEmpty()) {
                if (slaveHungUp()) return -1;
                if (nonBlocking) throw AgentOsException.errnoDetail(Errno.EAGAIN, "read");
                awaitOrEintr(outputReady, "read");
            }
            n = output.read(buf, off, len);
            outputSpace.signalAll();
        } finally {
            lock.unlock();
        }
        fireAll();
        return n;
    }

    int masterReadyOps() {
        lock.lock();
        try {
            int ops = 0;
            if (!output.isEmpty()) ops |= Pollable.POLLIN;
            if (slaveHungUp()) ops |= Pollable.POLLIN | Pollable.POLLHUP;
            else if (discipline.canAccept(terminal.attributes())) ops |= Pollable.POLLOUT;
            return ops;
        } finally {
            lock.unlock();
        }
    }

    void masterReleased() {
        lock.lock();
        try {
            masterOpen = false;
            output.clear(); // nobody can read it any more
            signalEverything();
        } finally {
            lock.unlock();
        }
        terminal.signalForeground(Signal.SIGHUP);
        fireAll();
    }

    // ---- slave side ----

    int slaveRead(byte[] buf, int off, int len, boolean nonBlocking) {
        if (len == 0) return 0;
        int n;
        lock.lock();
        try {
            n = new SlaveRead(buf, off, len, nonBlocking).run();
            inputSpace.signalAll();
        } finally {
            lock.unlock();
        }
        fireAll();
        return n;
    }

    int slaveWrite(byte[] buf, int off, int len, boolean nonBlocking) {
        int done = 0;
        while (done < len) {
            lock.lock();
            try {
                while (masterOpen && output.space() < 2) { // room for a newline's \r\n
                    if (nonBlocking) throw AgentOsException.errnoDetail(Errno.EAGAIN, "write");
                    awaitOrEintr(outputSpace, "write");
                }
                if (!masterOpen) throw AgentOsException.errnoDetail(Errno.EIO, "write");
                done += outputProcessor.process(terminal.attributes(), buf, off + done, len - done, output);
                outputReady.signalAll();
            } catch (AgentOsException e) {
                if (done > 0) return done;
                throw e;
            } finally {
                lock.unlock();
            }
            fireAll(); // per chunk: the master's reader streams output while a long write continues
        }
        return done;
    }

    int slaveReadyOps() {
        lock.lock();
        try {
            if (!masterOpen) return Pollable.POLLIN | Pollable.POLLOUT | Pollable.POLLERR | Pollable.POLLHUP;
            int ops = 0;
            if (discipline.readable(terminal.attributes())) ops |= Pollable.POLLIN;
            if (output.space() >= 2) ops |= Pollable.POLLOUT;
            return ops;
        } finally {
            lock.unlock();
        }
    }

    void slaveReleased(PtySlave slave) {
        lock.lock();
        try {
            slaves.remove(slave);
            signalEverything();
        } finally {
            lock.unlock();
        }
        fireAll();
    }

    // ---- shared ----

    void changeAttributes(Termios termios) {
        lock.lock();
        try {
            Termios old = terminal.swapAttributes(termios);
            discipline.modeChanged(old, termios);
            signalEverything();
        } finally {
            lock.unlock();
        }
        fireAll();
    }

    /** Master reads see EOF once every slave opened so far has closed again. */
    private boolean slaveHungUp() { return slaveEverOpened && slaves.isEmpty(); }

    private void signalEverything() {
        inputReady.signalAll();
        inputSpace.signalAll();
        outputReady.signalAll();
        outputSpace.signalAll();
    }

    private void awaitOrEintr(Condition c, String syscall) {
        try {
            c.await();
        } catch (InterruptedException e) {
            throw AgentOsException.errnoDetail(Errno.EINTR, syscall);
        }
    }

    private void deliver(List<Signal> raised) {
        for (Signal s : raised) terminal.signalForeground(s);
    }

    private void fireAll() {
        master.notifyReadiness();
        for (PtySlave s : slaves) s.notifyReadiness();
    }

    /** One slave read(2): canonical lines, or raw bytes under VMIN/VTIME. Runs under the lock. */
    private final class SlaveRead {
        private static final int MODE_CHANGED = Integer.MIN_VALUE;
        private final byte[] buf;
        private final int off;
        private final int len;
        private final boolean nonBlocking;

        SlaveRead(byte[] buf, int off, int len, boolean nonBlocking) {
            this.buf = buf;
            this.off = off;
            this.len = len;
            this.nonBlocking = nonBlocking;
        }

        int run() {
            while (true) {
                if (!masterOpen) return -1; // hangup: reads see end of file
                notInterrupted();
                Termios t = terminal.attributes();
                if (t.has(Termios.ICANON)) {
                    if (discipline.readable(t)) return discipline.readLine(buf, off, len);
                } else if (!discipline.readable(t) && nonBlocking) {
                    throw AgentOsException.errnoDetail(Errno.EAGAIN, "read");
                } else {
                    int n = raw(t);
                    if (n != MODE_CHANGED) return n;
                    continue; // switched to canonical while waiting: read a line instead
                }
                if (nonBlocking) throw AgentOsException.errnoDetail(Errno.EAGAIN, "read");
                awaitOrEintr(inputReady, "read");
            }
        }

        /**
         * Non-canonical read with POSIX VMIN/VTIME: VMIN bytes (at most len) are waited for; VTIME
         * (tenths of a second) is an overall timeout when VMIN is 0 and an inter-byte timer otherwise.
         * A timed-out read returns 0.
         */
        private int raw(Termios t) {
            int min = Math.min(t.cc(Termios.VMIN) & 0xff, len);
            long time = TimeUnit.MILLISECONDS.toNanos(100L * (t.cc(Termios.VTIME) & 0xff));
            if (nonBlocking) return discipline.readRaw(buf, off, len);
            if (min == 0) {
                long left = time;
                while (discipline.rawAvailable() == 0 && left > 0 && masterOpen) {
                    left = awaitNanos(left);
                    if (terminal.attributes().has(Termios.ICANON)) return MODE_CHANGED;
                }
                notInterrupted();
                return discipline.readRaw(buf, off, len);
            }
            while (discipline.rawAvailable() == 0) {
                awaitOrEintr(inputReady, "read");
                if (!masterOpen) return -1;
                // Raw bytes read under ICANON would leave the line queue pointing at bytes no longer
                // there, and the next canonical read would see a spurious end of file.
                if (terminal.attributes().has(Termios.ICANON)) return MODE_CHANGED;
            }
            int seen = discipline.rawAvailable();
            long left = time;
            while (seen < min && masterOpen) {
                if (time == 0) {
                    awaitOrEintr(inputReady, "read");
                } else {
                    left = awaitNanos(left);
                    if (discipline.rawAvailable() > seen) left = time; // a byte arrived: restart the timer
                    else if (left <= 0) break;
                }
                if (terminal.attributes().has(Termios.ICANON)) return MODE_CHANGED;
                seen = discipline.rawAvailable();
            }
            notInterrupted();
            return discipline.readRaw(buf, off, len);
        }

        /**
         * A signal or a stop that interrupted this reader after its wake-up (Condition.await then returns
         * normally with the flag set) must still win over input that arrived meanwhile: a stopped process
         * may not take its terminal's input, the shell's next line was going to a ^Z'd cat.
         */
        private void notInterrupted() {
            if (Thread.interrupted()) throw AgentOsException.errnoDetail(Errno.EINTR, "read");
        }

        private long awaitNanos(long nanos) {
            try {
                return inputReady.awaitNanos(nanos);
            } catch (InterruptedException e) {
                throw AgentOsException.errnoDetail(Errno.EINTR, "read");
            }
        }
    }
}
