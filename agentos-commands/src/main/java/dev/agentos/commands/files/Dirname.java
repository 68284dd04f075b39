package dev.agentos.commands.files;

import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;

/** dirname: strips the last component from names. */
final class Dirname extends FileCommand {
    Dirname() { super("dirname", "[OPTION] NAME..."); }

    @Override protected Getopt options() { return Getopt.create().flag('z', "zero", "z"); }

    @Override protected int execute(Invocation inv) {
        if (inv.operands().isEmpty()) return usageError(inv, "missing operand");
        for (String op : inv.operands()) inv.print(PathNames.dirname(op) + (inv.has("z") ? "\0" : "\n"));
        return 0;
    }
}
