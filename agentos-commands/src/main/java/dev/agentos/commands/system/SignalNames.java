package dev.agentos.commands.system;

import dev.agentos.kernel.Signal;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** Linux's signal numbers and names as procps and coreutils print them (1..31, 16 is STKFLT). */
public final class SignalNames {
    static final String[] NAMES = {null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1",
        "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG",
        "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS"};

    private SignalNames() {}

    /** The number of {@code HUP}, {@code SIGHUP}, {@code hup} or {@code 1}; 0 is allowed. */
    public static OptionalInt number(String text) {
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            try {
                int n = Integer.parseInt(text);
                return n >= 0 && n < NAMES.length ? OptionalInt.of(n) : OptionalInt.empty();
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        String t = text.toUpperCase(Locale.ROOT);
        if (t.startsWith("SIG")) t = t.substring(3);
        switch (t) {
            case "IO" -> t = "POLL";
            case "CLD" -> t = "CHLD";
            case "IOT" -> t = "ABRT";
            default -> { }
        }
        for (int i = 1; i < NAMES.length; i++) if (NAMES[i].equals(t)) return OptionalInt.of(i);
        return OptionalInt.empty();
    }

    public static String name(int number) { return NAMES[number]; }

    /** The kernel's signal for a number, when it has one. */
    public static Optional<Signal> signal(int number) { return Signal.of(number); }
}
