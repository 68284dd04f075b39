package dev.agentos.commands.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/** GNU's DURATION operands: a decimal number with an optional s, m, h or d suffix. */
final class Durations {
    private Durations() {}

    static Optional<Duration> parse(String text) {
        if (text.isEmpty()) return Optional.empty();
        long multiplier = 1;
        String number = text;
        switch (text.charAt(text.length() - 1)) {
            case 's' -> number = text.substring(0, text.length() - 1);
            case 'm' -> { multiplier = 60; number = text.substring(0, text.length() - 1); }
            case 'h' -> { multiplier = 3600; number = text.substring(0, text.length() - 1); }
            case 'd' -> { multiplier = 86400; number = text.substring(0, text.length() - 1); }
            default -> { }
        }
        if (number.equalsIgnoreCase("inf") || number.equalsIgnoreCase("infinity")) {
            return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 4));
        }
        if (!number.matches("\\+?([0-9]+\\.?[0-9]*|\\.[0-9]+)")) return Optional.empty();
        BigDecimal seconds = new BigDecimal(number.startsWith("+") ? number.substring(1) : number)
                .multiply(BigDecimal.valueOf(multiplier));
        BigDecimal nanos = seconds.movePointRight(9);
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 4));
        return Optional.of(Duration.ofNanos(nanos.longValue()));
    }
}
