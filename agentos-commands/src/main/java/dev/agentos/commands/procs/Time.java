package dev.agentos.commands.procs;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Gnu;
import dev.agentos.commands.system.ChildProcess;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.vfs.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * /usr/bin/time (GNU time 1.9): runs a command and reports its elapsed time and CPU time. User time
 * is the kernel's runnable time of the command and its reaped descendants (see
 * {@link dev.agentos.kernel.proc.ProcessTimes}); system time is 0 because the VM does not split it out.
 */
final class Time implements Program {
    private static final String USAGE = """
            Usage: %1$s [OPTIONS] COMMAND [ARG]...
            Run COMMAND, then print system resource usage.

              -a, --append              with -o FILE, append instead of overwriting
              -f, --format=FORMAT       use the specified FORMAT instead of the default
              -o, --output=FILE         write to FILE instead of STDERR
              -p, --portability         print POSIX standard 1003.2 conformant string:
                                          real %%%%e
                                          user %%%%U
                                          sys %%%%S
              -q, --quiet               do not print information about abnormal program
                                        termination (non-zero exit codes or signals)
              -v, --verbose             print all resource usage information instead of
                                        the default format
              -h,  --help               display this help and exit
              -V,  --version            output version information and exit

            Commonly usaged format sequences for -f/--format:
            (see documentation for full list)
              %%%%   a literal '%%'
              %%C   command line and arguments
              %%c   involuntary context switches
              %%E   elapsed real time (wall clock) in [hour:]min:sec
              %%e   elapsed real time (wall clock) in seconds
              %%F   major page faults
              %%M   maximum resident set size in KB
              %%P   percent of CPU this job got
              %%R   minor page faults
              %%S   system (kernel) time in seconds
              %%U   user time in seconds
              %%w   voluntary context switches
              %%x   exit status of command

            Default output format:
            %%Uuser %%Ssystem %%Eelapsed %%PCPU (%%Xavgtext+%%Davgdata %%Mmaxresident)k
            %%Iinputs+%%Ooutputs (%%Fmajor+%%Rminor)pagefaults %%Wswaps

            NOTE: your shell may have its own version of time, which usually supersedes
            the version described here.  Please refer to your shell's documentation
            for details about the options it supports.

            GNU Time website: <https://www.gnu.org/software/time/>
            Full documentation at: <https://www.gnu.org/software/time/manual>
            E-mail bug reports to: bug-time@gnu.org
            """;
    private static final String VERSION = """
            time (GNU Time) UNKNOWN
            Copyright (C) 2018 Free Software Foundation, Inc.
            License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
            This is free software: you are free to change and redistribute it.
            There is NO WARRANTY, to the extent permitted by law.

            Written by David Keppel, David MacKenzie, and Assaf Gordon.
            """;

    @Override public int run(ProcessContext ctx) {
        String me = ctx.argv().get(0);
        Getopt.Parsed parsed;
        try {
            parsed = Getopt.create().noPermute().flag('a', "append", "a").withArg('f', "format", "f")
                    .withArg('o', "output", "o").flag('p', "portability", "p").flag('q', "quiet", "q")
                    .flag('v', "verbose", "v").flag('h', "help", "h").flag('V', "version", "V")
                    .parse(ctx.argv().subList(1, ctx.argv().size()), ctx.environment());
        } catch (Getopt.UsageError e) {
            Gnu.print(ctx.stderr(), me + ": " + e.getMessage() + "\nTry '" + me + " --help' for more information.\n");
            return 125;
        }
        if (parsed.has("h")) {
            Gnu.print(ctx.stdout(), String.format(USAGE, me));
            return 0;
        }
        if (parsed.has("V")) {
            Gnu.print(ctx.stdout(), VERSION);
            return 0;
        }
        List<String> command = parsed.operands();
        if (command.isEmpty()) {
            Gnu.print(ctx.stderr(), me + ": missing program to run\nTry '" + me + " --help' for more information.\n");
            return 125;
        }
        String format = parsed.has("v") ? TimeFormat.VERBOSE
                : parsed.has("p") ? TimeFormat.POSIX
                : parsed.last("f").or(() -> ctx.getenv("TIME")).orElse(TimeFormat.DEFAULT);
        int reportFd = 2;
        if (parsed.has("o")) {
            String path = parsed.last("o").orElseThrow();
            try {
                reportFd = ctx.open(path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT
                        | (parsed.has("a") ? OpenFlags.O_APPEND : OpenFlags.O_TRUNC), 0666);
            } catch (AgentOsException e) {
                Gnu.print(ctx.stderr(), me + ": " + path + ": " + ChildProcess.reason(e) + "\n");
                return 125;
            }
        }
        long childrenBefore = ctx.times().childrenCpuNanos();
        long start = System.nanoTime();
        ExitStatus status;
        try {
            int pid = ChildProcess.spawn(ctx, command, Optional.empty());
            status = ChildProcess.waitFor(ctx, pid);
        } catch (AgentOsException e) {
            // GNU time's forked child reports the failed exec and exits 127 or 126
            Gnu.print(ctx.stderr(), me + ": cannot run " + command.get(0) + ": " + ChildProcess.reason(e) + "\n");
            status = new ExitStatus.Exited(ChildProcess.execFailureStatus(e));
        }
        long elapsed = System.nanoTime() - start;
        long user = ctx.times().childrenCpuNanos() - childrenBefore;
        StringBuilder report = new StringBuilder();
        if (!parsed.has("q")) {
            if (status instanceof ExitStatus.Signaled(var sig)) report.append("Command terminated by signal ").append(sig.number()).append('\n');
            else if (status instanceof ExitStatus.Exited(int code) && code != 0) {
                report.append("Command exited with non-zero status ").append(code).append('\n');
            }
        }
        report.append(TimeFormat.render(format, new TimeFormat.Usage(command, status, elapsed, user, 0)));
        byte[] b = report.toString().getBytes(StandardCharsets.UTF_8);
        ctx.write(reportFd, b, 0, b.length);
        if (reportFd != 2) ctx.close(reportFd);
        return status instanceof ExitStatus.Signaled(var sig) ? 128 + sig.number() : status.shellStatus();
    }
}
