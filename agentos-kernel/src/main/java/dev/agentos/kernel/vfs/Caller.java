package dev.agentos.kernel.vfs;

import dev.agentos.kernel.Credentials;

/**
 * Who performs a filesystem call and from where: the process id (for {@code /proc/self}), its
 * credentials (permission checks), its cwd (relative paths) and its umask (new files' modes).
 */
public record Caller(int pid, Credentials credentials, String cwd, int umask) {
    /** The host acting on a VM through the API: root, at /, umask 022. */
    public static Caller host(Credentials credentials, String cwd) {
        return new Caller(0, credentials, cwd, 022);
    }
}
