package dev.agentos.commands.data;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** md5sum, sha1sum, sha256sum, sha512sum, b2sum...: print digests ("HASH  name", --tag) or check them (-c). */
final class SumCommand extends GnuCommand {
    private final Digester algo;

    SumCommand(Digester algo) {
        this.algo = algo;
    }

    @Override protected String name() { return algo.command(); }

    @Override protected String usage() {
        return "Usage: " + algo.command() + " [OPTION]... [FILE]...\n"
                + "Print or check " + algo.tag() + " (" + algo.bits() + "-bit) checksums.\n\n"
                + "With no FILE, or when FILE is -, read standard input.\n\n"
                + "  -b, --binary         read in binary mode\n"
                + "  -c, --check          read checksums from the FILEs and check them\n"
                + (algo.isBlake() ? "  -l, --length=BITS    digest length in bits; must not exceed the max for\n"
                        + "                         the blake2 algorithm and must be a multiple of 8\n" : "")
                + "      --tag            create a BSD-style checksum\n"
                + "  -t, --text           read in text mode (default)\n"
                + "  -z, --zero           end each output line with NUL, not newline,\n"
                + "                         and disable file name escaping\n\n"
                + "The following five options are useful only when verifying checksums:\n"
                + "      --ignore-missing  don't fail or report status for missing files\n"
                + "      --quiet          don't print OK for each successfully verified file\n"
                + "      --status         don't output anything, status code shows success\n"
                + "      --strict         exit non-zero for improperly formatted checksum lines\n"
                + "  -w, --warn           warn about improperly formatted checksum lines\n\n"
                + "      --help        display this help and exit\n"
                + "      --version     output version information and exit\n";
    }

    @Override protected Getopt options() {
        Getopt g = Getopt.create().flag('b', "binary", "b").flag('c', "check", "c").flag((char) 0, "tag", "tag")
                .flag('t', "text", "t").flag('z', "zero", "z").flag((char) 0, "ignore-missing", "ignore-missing")
                .flag((char) 0, "quiet", "quiet").flag((char) 0, "status", "status").flag((char) 0, "strict", "strict")
                .flag('w', "warn", "w");
        if (algo.isBlake()) g.withArg('l', "length", "l");
        return g;
    }

    @Override protected int execute(Invocation inv) throws IOException {
        Digester d = algo;
        if (inv.has("l")) {
            String l = inv.options().last("l").orElseThrow();
            int bits;
            try {
                bits = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                inv.error("invalid length: " + Invocation.quote(l));
                return 1;
            }
            if (bits % 8 != 0) {
                inv.error("invalid length: " + Invocation.quote(l) + "\n" + name() + ": length is not a multiple of 8");
                return 1;
            }
            if (bits > 512 || bits < 0) {
                inv.error("invalid length: " + Invocation.quote(l) + "\n" + name() + ": maximum digest length for 'BLAKE2b' is 512 bits");
                return 1;
            }
            if (bits != 0) d = d.withBits(bits);
        }
        boolean check = inv.has("c");
        if (check && inv.has("tag")) {
            inv.error("the --tag option is meaningless when verifying checksums\nTry '" + name() + " --help' for more information.");
            return 1;
        }
        if (!check) {
            for (String o : List.of("ignore-missing", "quiet", "status", "strict", "w")) {
                if (inv.has(o)) {
                    String opt = o.equals("w") ? "warn" : o;
                    inv.error("the --" + opt + " option is meaningful only when verifying checksums\nTry '" + name() + " --help' for more information.");
                    return 1;
                }
            }
        }
        List<String> files = inv.operands().isEmpty() ? List.of("-") : inv.operands();
        boolean ok = true;
        for (String f : files) {
            ok &= check ? new SumCheck(inv, d).checkFile(f) : printSum(inv, d, f);
        }
        return ok ? 0 : 1;
    }

    private boolean printSum(Invocation inv, Digester d, String f) throws IOException {
        String hex;
        try (InputStream in = f.equals("-") ? VmFiles.stdin(inv.ctx()) : VmFiles.in(inv.ctx(), f)) {
            hex = d.hex(in);
        } catch (AgentOsException e) {
            inv.error(f, e);
            return false;
        }
        boolean zero = inv.has("z");
        String shown = f;
        boolean escaped = false;
        if (!zero && (f.indexOf('\\') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0)) {
            escaped = true;
            shown = f.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
        }
        String line = inv.has("tag") ? d.tagName() + " (" + shown + ") = " + hex
                : hex + (lastIsBinary(inv) ? " *" : "  ") + shown;
        inv.print((escaped ? "\\" : "") + line + (zero ? "\0" : "\n"));
        return true;
    }

    /** -b and -t may both appear; the last one wins. */
    private static boolean lastIsBinary(Invocation inv) {
        boolean binary = false;
        for (Getopt.Option o : inv.options().options()) {
            if (o.key().equals("b")) binary = true;
            if (o.key().equals("t")) binary = false;
        }
        return binary;
    }
}
