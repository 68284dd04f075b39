package dev.agentos.commands;

import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.ProcessContext;
import java.math.BigDecimal;
import java.time.Duration;

/** sleep: pauses for the sum of its arguments (fractions and s/m/h/d suffixes, as GNU sleep). */
final class Sleep implements Program {
    @Override public int run(ProcessContext ctx) {
        if (Gnu.helpOrVersion(ctx, "sleep", "Usage: sleep NUMBER[SUFFIX]...\n  or:  sleep OPTION\nPause for NUMBER seconds.\n")) {
            return 0;
        }
        var args = ctx.argv().subList(1, ctx.argv().size());
        if (args.isEmpty()) {
            Gnu.print(ctx.stderr(), "sleep: missing operand\nTry 'sleep --help' for more information.\n");
            return 1;
        }
        BigDecimal total = BigDecimal.ZERO;
        boolean bad = false;
        for (String a : args) {
            BigDecimal seconds = parse(a);
            if (seconds == null) {
                Gnu.print(ctx.stderr(), "sleep: invalid time interval '" + a + "'\n");
                bad = true;
            } else {
                total = total.add(seconds);
            }
        }
        if (bad) {
            Gnu.print(ctx.stderr(), "Try 'sleep --help' for more information.\n");
            return 1;
        }
        BigDecimal nanos = total.movePointRight(9);
        long n = nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : nanos.longValue();
        ctx.sleep(Duration.ofNanos(n));
        return 0;
    }

    private static BigDecimal parse(String a) {
        if (a.isEmpty()) return null;
        int multiplier = 1;
        char last = a.charAt(a.length() - 1);
        String number = a;
        switch (last) {
            case 's' -> number = a.substring(0, a.length() - 1);
            case 'm' -> { multiplier = 60; number = a.substring(0, a.length() - 1); }
            case 'h' -> { multiplier = 3600; number = a.substring(0, a.length() - 1); }
            case 'd' -> { multiplier = 86400; number = a.substring(0, a.length() - 1); }
            default -> { }
        }
        if (!number.matches("\\+?([0-9]+\\.?[0-9]*|\\.[0-9]+)")) return null;
        return new BigDecimal(number.startsWith("+") ? number.substring(1) : number).multiply(BigDecimal.valueOf(multiplier));
    }
}
