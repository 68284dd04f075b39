package dev.agentos.commands;

import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.ProcessContext;

/** true: exit successfully, ignoring arguments (as GNU true does, but for --help/--version). */
final class True implements Program {
    @Override public int run(ProcessContext ctx) {
        Gnu.helpOrVersion(ctx, "true", "Usage: true [ignored command line arguments]\n  or:  true OPTION\nExit with a status code indicating success.\n");
        return 0;
    }
}
