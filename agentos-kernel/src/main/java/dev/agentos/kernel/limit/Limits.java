package dev.agentos.kernel.limit;

import java.time.Duration;
import java.util.Optional;

/**
 * Per-VM resource limits. Each is enforced with an errno error that names the limit; reaching one
 * fails the one call, never the VM.
 *
 * @param maxProcesses        live processes at once (EAGAIN on spawn)
 * @param maxOpenFiles        fds per process (EMFILE)
 * @param maxPipes            pipes open at once in the VM (ENFILE)
 * @param maxPtys             PTYs open at once (ENFILE... as Linux: EAGAIN on posix_openpt)
 * @param maxSockets          sockets open at once (EMFILE)
 * @param fsMaxBytes          bytes stored in the VM's writable filesystem (ENOSPC)
 * @param fsMaxInodes         inodes in the VM's writable filesystem (ENOSPC)
 * @param maxOutputBytes      stdout+stderr bytes an exec captures (excess dropped, result says truncated)
 * @param maxArgvEnvBytes     argv plus environment bytes of one spawn (E2BIG)
 * @param maxExecWallTime     wall time of one exec before it is killed with SIGKILL; empty = none
 */
public record Limits(int maxProcesses, int maxOpenFiles, int maxPipes, int maxPtys, int maxSockets,
                     long fsMaxBytes, long fsMaxInodes, long maxOutputBytes, long maxArgvEnvBytes,
                     Optional<Duration> maxExecWallTime) {

    public static final Limits DEFAULT = new Limits(1024, 1024, 4096, 64, 1024,
            4L << 30, 1_000_000, 64L << 20, 2L << 20, Optional.empty());

    public Limits {
        if (maxProcesses < 1 || maxOpenFiles < 3 || maxPipes < 0 || maxPtys < 0 || maxSockets < 0
                || fsMaxBytes < 0 || fsMaxInodes < 1 || maxOutputBytes < 0 || maxArgvEnvBytes < 1) {
            throw new IllegalArgumentException("limits out of range: " + this);
        }
    }

    public Limits withMaxProcesses(int v) { return new Limits(v, maxOpenFiles, maxPipes, maxPtys, maxSockets, fsMaxBytes, fsMaxInodes, maxOutputBytes, maxArgvEnvBytes, maxExecWallTime); }
    public Limits withMaxOpenFiles(int v) { return new Limits(maxProcesses, v, maxPipes, maxPtys, maxSockets, fsMaxBytes, fsMaxInodes, maxOutputBytes, maxArgvEnvBytes, maxExecWallTime); }
    public Limits withMaxPipes(int v) { return new Limits(maxProcesses, maxOpenFiles, v, maxPtys, maxSockets, fsMaxBytes, fsMaxInodes, maxOutputBytes, maxArgvEnvBytes, maxExecWallTime); }
    public Limits withMaxPtys(int v) { return new Limits(maxProcesses, maxOpenFiles, maxPipes, v, maxSockets, fsMaxBytes, fsMaxInodes, maxOutputBytes, maxArgvEnvBytes, maxExecWallTime); }
    public Limits withMaxSockets(int v) { return new Limits(maxProcesses, maxOpenFiles, maxPipes, maxPtys, v, fsMaxBytes, fsMaxInodes, maxOutputBytes, maxArgvEnvBytes, maxExecWallTime); }
    public Limits withFsMaxBytes(long v) { return new Limits(maxProcesses, maxOpenFiles, maxPipes, maxPtys, maxSockets, v, fsMaxInodes, maxOutputBytes, maxArgvEnvBytes, maxExecWallTime); }
    public Limits withFsMaxInodes(long v) { return new Limits(maxProcesses, maxOpenFiles, maxPipes, maxPtys, maxSockets, fsMaxBytes, v, maxOutputBytes, maxArgvEnvBytes, maxExecWallTime); }
    public Limits withMaxOutputBytes(long v) { return new Limits(maxProcesses, maxOpenFiles, maxPipes, maxPtys, maxSockets, fsMaxBytes, fsMaxInodes, v, maxArgvEnvBytes, maxExecWallTime); }
    public Limits withMaxArgvEnvBytes(long v) { return new Limits(maxProcesses, maxOpenFiles, maxPipes, maxPtys, maxSockets, fsMaxBytes, fsMaxInodes, maxOutputBytes, v, maxExecWallTime); }
    public Limits withMaxExecWallTime(Duration v) { return new Limits(maxProcesses, maxOpenFiles, maxPipes, maxPtys, maxSockets, fsMaxBytes, fsMaxInodes, maxOutputBytes, maxArgvEnvBytes, Optional.of(v)); }
}
