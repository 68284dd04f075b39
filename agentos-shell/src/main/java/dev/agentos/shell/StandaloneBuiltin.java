package dev.agentos.shell;

import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import java.util.ArrayList;
import java.util.List;

/** printf, test and [ as programs of their own (GNU coreutils), sharing the builtins' code. */
final class StandaloneBuiltin implements Program {
    private final String name;

    StandaloneBuiltin(String name) { this.name = name; }

    @Override public int run(ProcessContext ctx) {
        Shell sh = new Shell(ctx, name, List.of());
        sh.standalone = true;
        List<String> argv = new ArrayList<>(ctx.argv());
        argv.set(0, name);
        return sh.builtins.find(name).run(argv);
    }
}
