package dev.agentos.commands.data;

import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** factor: prime factors of each operand (or of each whitespace-separated number on stdin). */
final class Factor extends GnuCommand {
    private static final BigInteger TWO = BigInteger.TWO;

    @Override protected String name() { return "factor"; }

    @Override protected String usage() {
        return "Usage: factor [NUMBER]...\n  or:  factor OPTION\n"
                + "Print the prime factors of each specified integer NUMBER.  If none\n"
                + "are specified on the command line, read them from standard input.\n\n"
                + "      --help        display this help and exit\n"
                + "      --version     output version information and exit\n";
    }

    @Override protected Getopt options() { return Getopt.create(); }

    @Override protected int execute(Invocation inv) throws IOException {
        List<String> numbers = inv.operands();
        if (numbers.isEmpty()) {
            String all = new String(VmFiles.readAll(VmFiles.stdin(inv.ctx())), StandardCharsets.UTF_8);
            numbers = java.util.Arrays.stream(all.split("[ \\t\\n]+")).filter(s -> !s.isEmpty()).toList();
        }
        int status = 0;
        for (String s : numbers) {
            String t = s.startsWith("+") ? s.substring(1) : s;
            if (!t.matches("[0-9]+")) {
                inv.error(Invocation.quote(s) + " is not a valid positive integer");
                status = 1;
                continue;
            }
            BigInteger n = new BigInteger(t);
            StringBuilder sb = new StringBuilder(n.toString()).append(':');
            for (BigInteger f : factor(n, inv)) sb.append(' ').append(f);
            inv.print(sb.append('\n').toString());
        }
        return status;
    }

    private static List<BigInteger> factor(BigInteger n, Invocation inv) {
        List<BigInteger> out = new ArrayList<>();
        if (n.compareTo(TWO) < 0) return out;
        for (long p : new long[] {2, 3, 5}) {
            BigInteger bp = BigInteger.valueOf(p);
            while (n.mod(bp).signum() == 0) {
                out.add(bp);
                n = n.divide(bp);
            }
        }
        // Trial division by 6k±1 up to a small bound, then Pollard's rho for what remains.
        for (long d = 7, step = 4; d < 100_000 && BigInteger.valueOf(d).multiply(BigInteger.valueOf(d)).compareTo(n) <= 0; d += step, step = 6 - step) {
            BigInteger bd = BigInteger.valueOf(d);
            while (n.mod(bd).signum() == 0) {
                out.add(bd);
                n = n.divide(bd);
            }
        }
        if (n.compareTo(BigInteger.ONE) > 0) rho(n, out, inv);
        out.sort(null);
        return out;
    }

    private static void rho(BigInteger n, List<BigInteger> out, Invocation inv) {
        if (n.equals(BigInteger.ONE)) return;
        if (n.isProbablePrime(60)) {
            out.add(n);
            return;
        }
        for (long c = 1; ; c++) {
            inv.ctx().checkSignals();
            BigInteger bc = BigInteger.valueOf(c);
            BigInteger x = TWO, y = TWO, d = BigInteger.ONE;
            while (d.equals(BigInteger.ONE)) {
                x = x.multiply(x).add(bc).mod(n);
                y = y.multiply(y).add(bc).mod(n);
                y = y.multiply(y).add(bc).mod(n);
                d = x.subtract(y).abs().gcd(n);
            }
            if (!d.equals(n)) {
                rho(d, out, inv);
                rho(n.divide(d), out, inv);
                return;
            }
        }
    }
}
