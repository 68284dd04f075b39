package dev.agentos.kernel.proc;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.io.FileDescription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One process's file descriptors: small integers pointing at shared open file descriptions, each with
 * its close-on-exec flag. Every slot holds one reference on its description.
 */
final class FdTable {
    private final ReentrantLock lock = new ReentrantLock();
    private final int maxFds;
    private FileDescription[] files = new FileDescription[8];
    private boolean[] closeOnExec = new boolean[8];

    FdTable(int maxFds) {
        this.maxFds = maxFds;
    }

    /** Installs {@code file} (taking over the caller's reference) at the lowest free fd >= minFd. */
    int install(FileDescription file, int minFd, boolean cloexec) {
        lock.lock();
        try {
            for (int fd = minFd; fd < maxFds; fd++) {
                ensure(fd);
                if (files[fd] == null) {
                    files[fd] = file;
                    closeOnExec[fd] = cloexec;
                    return fd;
                }
            }
        } finally {
            lock.unlock();
        }
        file.close();
        throw AgentOsException.errnoDetail(Errno.EMFILE, "open (limit of " + maxFds + " open files per process reached)");
    }

    int install(FileDescription file) {
        return install(file, 0, false);
    }

    /** Puts {@code file} (taking over the caller's reference) at exactly {@code fd}, closing what was there. */
    void installAt(int fd, FileDescription file, boolean cloexec) {
        if (fd < 0 || fd >= maxFds) {
            file.close();
            throw AgentOsException.errnoDetail(Errno.EBADF, "dup2 (fd " + fd + " out of range)");
        }
        FileDescription old;
        lock.lock();
        try {
            ensure(fd);
            old = files[fd];
            files[fd] = file;
            closeOnExec[fd] = cloexec;
        } finally {
            lock.unlock();
        }
        if (old != null) old.close();
    }

    /** The description at fd (no new reference), or EBADF. */
    FileDescription get(int fd) {
        lock.lock();
        try {
            if (fd < 0 || fd >= files.length || files[fd] == null) {
                throw AgentOsException.errnoDetail(Errno.EBADF, "fd " + fd);
            }
            return files[fd];
        } finally {
            lock.unlock();
        }
    }

    boolean isOpen(int fd) {
        lock.lock();
        try {
            return fd >= 0 && fd < files.length && files[fd] != null;
        } finally {
            lock.unlock();
        }
    }

    int dup(int fd, int minFd) {
        FileDescription f;
        lock.lock();
        try {
            f = get(fd);
            f.retain();
        } finally {
            lock.unlock();
        }
        return install(f, minFd, false);
    }

    int dup2(int fd, int newFd) {
        FileDescription f;
        lock.lock();
        try {
            f = get(fd);
            if (fd == newFd) return newFd;
            f.retain();
        } finally {
            lock.unlock();
        }
        installAt(newFd, f, false);
        return newFd;
    }

    void close(int fd) {
        FileDescription f;
        lock.lock();
        try {
            f = get(fd);
            files[fd] = null;
            closeOnExec[fd] = false;
        } finally {
            lock.unlock();
        }
        f.close();
    }

    void setCloseOnExec(int fd, boolean value) {
        lock.lock();
        try {
            get(fd);
            closeOnExec[fd] = value;
        } finally {
            lock.unlock();
        }
    }

    boolean closeOnExec(int fd) {
        lock.lock();
        try {
            get(fd);
            return closeOnExec[fd];
        } finally {
            lock.unlock();
        }
    }

    /** A child's table: every fd not marked close-on-exec, sharing descriptions (each retained). */
    FdTable inherit(int childMaxFds) {
        FdTable child = new FdTable(childMaxFds);
        lock.lock();
        try {
            child.files = new FileDescription[files.length];
            child.closeOnExec = new boolean[files.length];
            for (int fd = 0; fd < files.length; fd++) {
                if (files[fd] != null && !closeOnExec[fd]) {
                    files[fd].retain();
                    child.files[fd] = files[fd];
                }
            }
        } finally {
            lock.unlock();
        }
        return child;
    }

    /** The open fds in order, for /proc/PID/fd. */
    List<Integer> openFds() {
        lock.lock();
        try {
            List<Integer> out = new ArrayList<>();
            for (int fd = 0; fd < files.length; fd++) if (files[fd] != null) out.add(fd);
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Closes every fd (process exit). */
    void closeAll() {
        FileDescription[] old;
        lock.lock();
        try {
            old = files;
            files = new FileDescription[0];
            closeOnExec = new boolean[0];
        } finally {
            lock.unlock();
        }
        for (FileDescription f : old) if (f != null) f.close();
    }

    private void ensure(int fd) {
        if (fd >= files.length) {
            int size = Math.min(maxFds, Math.max(fd + 1, files.length * 2));
            files = Arrays.copyOf(files, size);
            closeOnExec = Arrays.copyOf(closeOnExec, size);
        }
    }
}
