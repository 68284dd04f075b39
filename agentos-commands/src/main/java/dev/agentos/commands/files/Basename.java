package dev.agentos.commands.files;

import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import java.util.List;

/** basename: strips directory and suffix from names. */
final class Basename extends FileCommand {
    Basename() { super("basename", "NAME [SUFFIX]\n  or:  basename OPTION... NAME..."); }

    @Override protected Getopt options() {
        return Getopt.create().flag('a', "multiple", "a").withArg('s', "suffix", "s").flag('z', "zero", "z");
    }

    @Override protected int execute(Invocation inv) {
        List<String> ops = inv.operands();
        if (ops.isEmpty()) return usageError(inv, "missing operand");
        String suffix = inv.options().last("s").orElse(null);
        boolean multiple = inv.has("a") || suffix != null;
        String end = inv.has("z") ? "\0" : "\n";
        if (!multiple) {
            if (ops.size() > 2) return usageError(inv, "extra operand " + Quoting.always(ops.get(2)));
            inv.print(strip(ops.get(0), ops.size() == 2 ? ops.get(1) : null) + end);
            return 0;
        }
        for (String op : ops) inv.print(strip(op, suffix) + end);
        return 0;
    }

    private static String strip(String name, String suffix) {
        String b = PathNames.basename(name);
        if (suffix != null && !suffix.isEmpty() && b.length() > suffix.length() && b.endsWith(suffix) && !b.equals("/")) {
            b = b.substring(0, b.length() - suffix.length());
        }
        return b;
    }
}
