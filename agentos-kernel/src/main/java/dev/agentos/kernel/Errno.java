package dev.agentos.kernel;

/** Linux errno values the kernel reports, with Linux's numbers and strerror() wording. */
public enum Errno {
    EPERM(1, "operation not permitted"),
    ENOENT(2, "no such file or directory"),
    ESRCH(3, "no such process"),
    EINTR(4, "interrupted system call"),
    EIO(5, "input/output error"),
    ENXIO(6, "no such device or address"),
    E2BIG(7, "argument list too long"),
    ENOEXEC(8, "exec format error"),
    EBADF(9, "bad file descriptor"),
    ECHILD(10, "no child processes"),
    EAGAIN(11, "resource temporarily unavailable"),
    ENOMEM(12, "cannot allocate memory"),
    EACCES(13, "permission denied"),
    EFAULT(14, "bad address"),
    EBUSY(16, "device or resource busy"),
    EEXIST(17, "file already exists"),
    EXDEV(18, "invalid cross-device link"),
    ENODEV(19, "no such device"),
    ENOTDIR(20, "not a directory"),
    EISDIR(21, "illegal operation on a directory"),
    EINVAL(22, "invalid argument"),
    ENFILE(23, "too many open files in system"),
    EMFILE(24, "too many open files"),
    ENOTTY(25, "inappropriate ioctl for device"),
    ETXTBSY(26, "text file busy"),
    EFBIG(27, "file too large"),
    ENOSPC(28, "no space left on device"),
    ESPIPE(29, "illegal seek"),
    EROFS(30, "read-only file system"),
    EMLINK(31, "too many links"),
    EPIPE(32, "broken pipe"),
    ERANGE(34, "numerical result out of range"),
    EDEADLK(35, "resource deadlock avoided"),
    ENAMETOOLONG(36, "file name too long"),
    ENOSYS(38, "function not implemented"),
    ENOTEMPTY(39, "directory not empty"),
    ELOOP(40, "too many symbolic links encountered"),
    ENOTSOCK(88, "socket operation on non-socket"),
    EOPNOTSUPP(95, "operation not supported"),
    EADDRINUSE(98, "address already in use"),
    EADDRNOTAVAIL(99, "cannot assign requested address"),
    ENETUNREACH(101, "network is unreachable"),
    ECONNABORTED(103, "software caused connection abort"),
    ECONNRESET(104, "connection reset by peer"),
    EISCONN(106, "transport endpoint is already connected"),
    ENOTCONN(107, "transport endpoint is not connected"),
    ETIMEDOUT(110, "connection timed out"),
    ECONNREFUSED(111, "connection refused"),
    EHOSTUNREACH(113, "no route to host");

    private final int number;
    private final String message;

    Errno(int number, String message) {
        this.number = number;
        this.message = message;
    }

    /** Linux's errno number. */
    public int number() { return number; }

    /** strerror() wording, lower case as Node prints it. */
    public String message() { return message; }

    /** glibc's strerror() text, as GNU tools print it: {@code No such file or directory}. */
    public String strerror() {
        return switch (this) {
            case EEXIST -> "File exists";
            case EISDIR -> "Is a directory";
            case ELOOP -> "Too many levels of symbolic links";
            default -> Character.toUpperCase(message.charAt(0)) + message.substring(1);
        };
    }

    /** The wire group this errno belongs to. */
    public String group() {
        return switch (this) {
            case ESRCH, ECHILD, EINTR, E2BIG, ENOEXEC, EAGAIN -> "process";
            case ENOTSOCK, EADDRINUSE, EADDRNOTAVAIL, ENETUNREACH, ECONNABORTED, ECONNRESET, EISCONN,
                 ENOTCONN, ETIMEDOUT, ECONNREFUSED, EHOSTUNREACH -> "net";
            default -> "fs";
        };
    }
}
