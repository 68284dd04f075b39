package dev.agentos.kernel;

import java.util.Locale;
import java.util.Optional;

/** POSIX signals with Linux x86-64 numbers and their default actions. */
public enum Signal {
    SIGHUP(1, Action.TERMINATE), SIGINT(2, Action.TERMINATE), SIGQUIT(3, Action.TERMINATE),
    SIGILL(4, Action.TERMINATE), SIGTRAP(5, Action.TERMINATE), SIGABRT(6, Action.TERMINATE),
    SIGBUS(7, Action.TERMINATE), SIGFPE(8, Action.TERMINATE), SIGKILL(9, Action.TERMINATE),
    SIGUSR1(10, Action.TERMINATE), SIGSEGV(11, Action.TERMINATE), SIGUSR2(12, Action.TERMINATE),
    SIGPIPE(13, Action.TERMINATE), SIGALRM(14, Action.TERMINATE), SIGTERM(15, Action.TERMINATE),
    SIGCHLD(17, Action.IGNORE), SIGCONT(18, Action.CONTINUE), SIGSTOP(19, Action.STOP),
    SIGTSTP(20, Action.STOP), SIGTTIN(21, Action.STOP), SIGTTOU(22, Action.STOP),
    SIGURG(23, Action.IGNORE), SIGXCPU(24, Action.TERMINATE), SIGXFSZ(25, Action.TERMINATE),
    SIGVTALRM(26, Action.TERMINATE), SIGPROF(27, Action.TERMINATE), SIGWINCH(28, Action.IGNORE),
    SIGIO(29, Action.TERMINATE), SIGPWR(30, Action.TERMINATE), SIGSYS(31, Action.TERMINATE);

    /** What happens when a signal arrives and the process has not set a handler. */
    public enum Action { TERMINATE, IGNORE, STOP, CONTINUE }

    private static final Signal[] BY_NUMBER = new Signal[32];
    static { for (Signal s : values()) BY_NUMBER[s.number] = s; }

    private final int number;
    private final Action defaultAction;

    Signal(int number, Action defaultAction) { this.number = number; this.defaultAction = defaultAction; }

    public int number() { return number; }

    public Action defaultAction() { return defaultAction; }

    /** True for the two signals a process can neither catch nor ignore. */
    public boolean uncatchable() { return this == SIGKILL || this == SIGSTOP; }

    /** Name without the SIG prefix, as {@code kill -l} prints it. */
    public String shortName() { return name().substring(3); }

    public static Optional<Signal> of(int number) {
        return number > 0 && number < BY_NUMBER.length ? Optional.ofNullable(BY_NUMBER[number]) : Optional.empty();
    }

    /** Parses {@code TERM}, {@code SIGTERM}, {@code term} or {@code 15}. */
    public static Optional<Signal> parse(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
            try { return of(Integer.parseInt(t)); } catch (NumberFormatException e) { return Optional.empty(); }
        }
        if (!t.startsWith("SIG")) t = "SIG" + t;
        try { return Optional.of(valueOf(t)); } catch (IllegalArgumentException e) { return Optional.empty(); }
    }
}
