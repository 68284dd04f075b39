package dev.agentos.commands.system;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.proc.ExitStatus;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.SignalDisposition;
import dev.agentos.kernel.proc.WaitOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** timeout: runs a command and signals it when a duration passes (GNU coreutils' exit statuses). */
final class Timeout extends GnuCommand {
    private static final int TIMED_OUT = 124;
    private static final List<Signal> FORWARDED = List.of(Signal.SIGALRM, Signal.SIGINT, Signal.SIGQUIT,
            Signal.SIGHUP, Signal.SIGTERM);

    @Override protected String name() { return "timeout"; }

    @Override protected int usageStatus() { return 125; }

    @Override protected Getopt options() {
        return Getopt.create().noPermute()
                .withArg('k', "kill-after", "k")
                .withArg('s', "signal", "s")
                .flag('v', "verbose", "v")
                .flag((char) 0, "foreground", "foreground")
                .flag((char) 0, "preserve-status", "preserve");
    }

    @Override protected String usage() {
        return """
                Usage: timeout [OPTION] DURATION COMMAND [ARG]...
                  or:  timeout [OPTION]
                Start COMMAND, and kill it if still running after DURATION.

                Mandatory arguments to long options are mandatory for short options too.
                      --preserve-status
                                 exit with the same status as COMMAND, even when the
                                   command times out
                      --foreground
                                 when not running timeout directly from a shell prompt,
                                   allow COMMAND to read from the TTY and get TTY signals;
                                   in this mode, children of COMMAND will not be timed out
                  -k, --kill-after=DURATION
                                 also send a KILL signal if COMMAND is still running
                                   this long after the initial signal was sent
                  -s, --signal=SIGNAL
                                 specify the signal to be sent on timeout;
                                   SIGNAL may be a name like 'HUP' or a number;
                                   see 'kill -l' for a list of signals
                  -v, --verbose  diagnose to stderr any signal sent upon timeout
                      --help        display this help and exit
                      --version     output version information and exit

                DURATION is a floating point number with an optional suffix:
                's' for seconds (the default), 'm' for minutes, 'h' for hours or 'd' for days.
                A duration of 0 disables the associated timeout.

                Upon timeout, send the TERM signal to COMMAND, if no other SIGNAL specified.
                The TERM signal kills any process that does not block or catch that signal.
                It may be necessary to use the KILL signal, since this signal can't be caught.

                Exit status:
                  124  if COMMAND times out, and --preserve-status is not specified
                  125  if the timeout command itself fails
                  126  if COMMAND is found but cannot be invoked
                  127  if COMMAND cannot be found
                  137  if COMMAND (or timeout itself) is sent the KILL (9) signal (128+9)
                  -    the exit status of COMMAND otherwise
                """;
    }

    @Override protected int execute(Invocation inv) {
        ProcessContext ctx = inv.ctx();
        Signal term = Signal.SIGTERM;
        Optional<Duration> killAfter = Optional.empty();
        for (var o : inv.options().options()) {
            String v = o.value().orElse("");
            if (o.key().equals("s")) {
                var n = SignalNames.number(v);
                Optional<Signal> s = n.isPresent() ? SignalNames.signal(n.getAsInt()) : Optional.empty();
                if (s.isEmpty()) return usageError(inv, Invocation.quote(v) + ": invalid signal");
                term = s.get();
            } else if (o.key().equals("k")) {
                killAfter = Durations.parse(v);
                if (killAfter.isEmpty()) return usageError(inv, "invalid time interval " + Invocation.quote(v));
            }
        }
        List<String> ops = inv.operands();
        if (ops.size() < 2) {
            dev.agentos.commands.Gnu.print(ctx.stderr(), "Try 'timeout --help' for more information.\n");
            return 125;
        }
        Optional<Duration> limit = Durations.parse(ops.get(0));
        if (limit.isEmpty()) return usageError(inv, "invalid time interval " + Invocation.quote(ops.get(0)));
        boolean foreground = inv.has("foreground");
        if (!foreground) {
            try {
                ctx.setpgid(0, 0);
            } catch (AgentOsException e) {
                // a session leader keeps its group, as setpgid fails for it on Linux
            }
        }
        ctx.signalDisposition(Signal.SIGCHLD, SignalDisposition.CATCH);
        for (Signal s : FORWARDED) ctx.signalDisposition(s, SignalDisposition.CATCH);
        if (term != Signal.SIGKILL && term != Signal.SIGSTOP) ctx.signalDisposition(term, SignalDisposition.CATCH);
        List<String> command = ops.subList(1, ops.size());
        int pid;
        try {
            pid = ChildProcess.spawn(ctx, command, Optional.empty());
        } catch (AgentOsException e) {
            inv.error("failed to run command " + Invocation.quote(command.get(0)) + ": " + ChildProcess.reason(e));
            return ChildProcess.execFailureStatus(e);
        }
        boolean timedOut = false;
        ExitStatus status = awaitUntil(ctx, pid, limit.get());
        if (status == null) {
            timedOut = true;
            signal(inv, pid, term, foreground);
            if (killAfter.isPresent() && !killAfter.get().isZero()) {
                status = awaitUntil(ctx, pid, killAfter.get());
                if (status == null) signal(inv, pid, Signal.SIGKILL, foreground);
            }
            if (status == null) status = ChildProcess.waitFor(ctx, pid);
        }
        boolean preserve = inv.has("preserve");
        int code = status.shellStatus();
        if (status instanceof ExitStatus.Signaled(var sig)) {
            if (!timedOut && ctx.pgid() == ctx.pid()) return ChildProcess.mirror(ctx, status);
            if (timedOut && sig == Signal.SIGKILL) preserve = true;
        }
        return timedOut && !preserve ? TIMED_OUT : code;
    }

    /** Waits for the child at most {@code limit} (zero: forever); null when the time ran out. */
    private static ExitStatus awaitUntil(ProcessContext ctx, int pid, Duration limit) {
        if (limit.isZero()) return ChildProcess.waitFor(ctx, pid);
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            var done = ctx.waitpid(pid, WaitOptions.NO_HANG);
            if (done.isPresent()) return done.get().status();
            for (Signal s : ctx.takePendingSignals()) {
                if (s != Signal.SIGCHLD && s != Signal.SIGALRM) {
                    ctx.kill(pid, s);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) return null;
            try {
                // SIGCHLD ends the sleep early; the slice bounds a lost wake-up
                ctx.sleep(Duration.ofNanos(Math.min(left, 50_000_000L)));
            } catch (AgentOsException e) {
                if (!e.is(Errno.EINTR)) throw e;
            }
        }
    }

    private static void signal(Invocation inv, int pid, Signal sig, boolean foreground) {
        ProcessContext ctx = inv.ctx();
        if (inv.has("v")) inv.error("sending signal " + sig.shortName() + " to command " + Invocation.quote(inv.operands().get(1)));
        sendQuietly(ctx, pid, sig);
        if (!foreground) {
            if (!sig.uncatchable()) ctx.signalDisposition(sig, SignalDisposition.IGNORE);
            sendQuietly(ctx, 0, sig);
            if (sig != Signal.SIGKILL && sig != Signal.SIGCONT) {
                sendQuietly(ctx, pid, Signal.SIGCONT);
                sendQuietly(ctx, 0, Signal.SIGCONT);
            }
        }
    }

    private static void sendQuietly(ProcessContext ctx, int pid, Signal sig) {
        try {
            ctx.kill(pid, sig);
        } catch (AgentOsException e) {
            // the child may be gone already
        }
    }

    private int usageError(Invocation inv, String message) {
        inv.error(message + "\nTry 'timeout --help' for more information.");
        return 125;
    }
}
