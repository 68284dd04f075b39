package dev.agentos.commands;

import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.ProcessContext;

/** false: exit unsuccessfully. */
final class False implements Program {
    @Override public int run(ProcessContext ctx) {
        return Gnu.helpOrVersion(ctx, "false", "Usage: false [ignored command line arguments]\n  or:  false OPTION\nExit with a status code indicating failure.\n") ? 0 : 1;
    }
}
