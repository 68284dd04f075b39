package dev.agentos.commands.procs;

import dev.agentos.kernel.proc.ExitStatus;
import java.util.List;

/**
 * GNU time's format language: {@code %U}, {@code %e}, {@code %C}... and backslash escapes. Values the
 * VM does not measure (page faults, context switches, I/O counts, resident sizes) print as 0, which is
 * what the VM's processes really have of them: none is tracked, none is invented.
 */
final class TimeFormat {
    static final String DEFAULT = "%Uuser %Ssystem %Eelapsed %PCPU (%Xavgtext+%Davgdata %Mmaxresident)k\n"
            + "%Iinputs+%Ooutputs (%Fmajor+%Rminor)pagefaults %Wswaps";
    static final String POSIX = "real %e\nuser %U\nsys %S";
    static final String VERBOSE = """
            \tCommand being timed: "%C"
            \tUser time (seconds): %U
            \tSystem time (seconds): %S
            \tPercent of CPU this job got: %P
            \tElapsed (wall clock) time (h:mm:ss or m:ss): %E
            \tAverage shared text size (kbytes): %X
            \tAverage unshared data size (kbytes): %D
            \tAverage stack size (kbytes): %p
            \tAverage total size (kbytes): %K
            \tMaximum resident set size (kbytes): %M
            \tAverage resident set size (kbytes): %t
            \tMajor (requiring I/O) page faults: %F
            \tMinor (reclaiming a frame) page faults: %R
            \tVoluntary context switches: %w
            \tInvoluntary context switches: %c
            \tSwaps: %W
            \tFile system inputs: %I
            \tFile system outputs: %O
            \tSocket messages sent: %s
            \tSocket messages received: %r
            \tSignals delivered: %k
            \tPage size (bytes): %Z
            \tExit status: %x""";

    /** What one run measured. */
    record Usage(List<String> command, ExitStatus status, long elapsedNanos, long userNanos, long systemNanos) {}

    private TimeFormat() {}

    static String render(String format, Usage u) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%') {
                if (++i >= format.length()) return sb.append('?').toString(); // GNU time stops here, without the newline
                directive(sb, format.charAt(i), u);
            } else if (c == '\\') {
                if (++i >= format.length()) return sb.append('?').toString();
                switch (format.charAt(i)) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case '\\' -> sb.append('\\');
                    default -> sb.append('?').append('\\').append(format.charAt(i));
                }
            } else {
                sb.append(c);
            }
        }
        return sb.append('\n').toString();
    }

    private static void directive(StringBuilder sb, char d, Usage u) {
        switch (d) {
            case '%' -> sb.append('%');
            case 'C' -> sb.append(String.join(" ", u.command()));
            case 'U' -> sb.append(seconds(u.userNanos()));
            case 'S' -> sb.append(seconds(u.systemNanos()));
            case 'e' -> sb.append(seconds(u.elapsedNanos()));
            case 'E' -> sb.append(clock(u.elapsedNanos()));
            case 'P' -> {
                long elapsedMs = u.elapsedNanos() / 1_000_000;
                if (elapsedMs == 0) sb.append("?%");
                else sb.append((u.userNanos() + u.systemNanos()) / 1_000_000 * 100 / elapsedMs).append('%');
            }
            case 'x' -> sb.append(u.status() instanceof ExitStatus.Exited(int code) ? code : 0);
            case 'Z' -> sb.append(4096);
            case 'M', 't', 'K', 'D', 'p', 'X', 'F', 'R', 'W', 'c', 'w', 'I', 'O', 'r', 's', 'k' -> sb.append(0);
            default -> sb.append('?').append(d);
        }
    }

    /** GNU time truncates to hundredths: seconds.hh. */
    static String seconds(long nanos) {
        long hundredths = nanos / 10_000_000;
        return hundredths / 100 + "." + two(hundredths % 100);
    }

    /** [hours:]minutes:seconds.hh, or hours:minutes:seconds past an hour. */
    static String clock(long nanos) {
        long hundredths = nanos / 10_000_000;
        long secs = hundredths / 100;
        if (secs >= 3600) return secs / 3600 + ":" + two(secs / 60 % 60) + ":" + two(secs % 60);
        return secs / 60 + ":" + two(secs % 60) + "." + two(hundredths % 100);
    }

    private static String two(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }
}
