package dev.agentos;

import dev.agentos.kernel.Errno;
import java.util.Objects;
import java.util.Optional;

/**
 * The one exception family of agentOS: every failure carries a group ({@code fs}, {@code process},
 * {@code actor}, ...) and an errno-like code, and is worded like Linux
 * ({@code ENOENT: no such file or directory, open '/x'}).
 */
public class AgentOsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String group;
    private final String code;
    private final transient Errno errno;
    private final String path;

    public AgentOsException(String group, String code, String message) {
        this(group, code, message, null, null, null);
    }

    protected AgentOsException(String group, String code, String message, Errno errno, String path, Throwable cause) {
        super(message, cause);
        this.group = Objects.requireNonNull(group);
        this.code = Objects.requireNonNull(code);
        this.errno = errno;
        this.path = path;
    }

    /** An errno failure of a system call on a path: {@code ENOENT: no such file or directory, open '/x'}. */
    public static AgentOsException errno(Errno errno, String syscall, String path) {
        String message = errno.name() + ": " + errno.message() + ", " + syscall + (path == null ? "" : " '" + path + "'");
        return new AgentOsException(errno.group(), errno.name(), message, errno, path, null);
    }

    /** An errno failure of a system call on two paths (rename, link, symlink): {@code ..., rename '/a' -> '/b'}. */
    public static AgentOsException errno(Errno errno, String syscall, String path, String dest) {
        String message = errno.name() + ": " + errno.message() + ", " + syscall + " '" + path + "' -> '" + dest + "'";
        return new AgentOsException(errno.group(), errno.name(), message, errno, path, null);
    }

    /** An errno failure with a free-form detail instead of a path: {@code EMFILE: too many open files, ...}. */
    public static AgentOsException errnoDetail(Errno errno, String detail) {
        return new AgentOsException(errno.group(), errno.name(), errno.name() + ": " + errno.message() + ", " + detail, errno, null, null);
    }

    /** The failure group on the wire: {@code fs}, {@code process}, {@code limit}, {@code actor}, {@code auth}, ... */
    public String group() { return group; }

    /** The errno-like code: {@code ENOENT}, {@code EACCES}, {@code action_timed_out}, ... */
    public String code() { return code; }

    /** The kernel errno, when this failure is one. */
    public Optional<Errno> errno() { return Optional.ofNullable(errno); }

    /** The path the failure is about, when there is one. */
    public Optional<String> path() { return Optional.ofNullable(path); }

    /** True when this is the given errno failure. */
    public boolean is(Errno e) { return errno == e; }
}
