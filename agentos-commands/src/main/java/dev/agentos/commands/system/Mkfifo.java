package dev.agentos.commands.system;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;
import java.util.OptionalInt;

/** mkfifo: makes named pipes, with -m an octal or symbolic mode. */
final class Mkfifo extends GnuCommand {
    @Override protected String name() { return "mkfifo"; }

    @Override protected Getopt options() {
        return Getopt.create().withArg('m', "mode", "m").flag('Z', null, "Z").optionalArg((char) 0, "context", "Z");
    }

    @Override protected String usage() {
        return """
                Usage: mkfifo [OPTION]... NAME...
                Create named pipes (FIFOs) with the given NAMEs.

                Mandatory arguments to long options are mandatory for short options too.
                  -m, --mode=MODE    set file permission bits to MODE, not a=rw - umask
                  -Z                   set the SELinux security context to default type
                      --context[=CTX]  like -Z, or if CTX is specified then set the SELinux
                                         or SMACK security context to CTX
                      --help        display this help and exit
                      --version     output version information and exit
                """;
    }

    @Override protected int execute(Invocation inv) {
        var ctx = inv.ctx();
        if (inv.operands().isEmpty()) {
            inv.error("missing operand\nTry 'mkfifo --help' for more information.");
            return 1;
        }
        OptionalInt mode = OptionalInt.empty();
        if (inv.has("m")) {
            String m = inv.options().last("m").get();
            mode = FileModes.parse(m, 0666, ctx.umask());
            if (mode.isEmpty()) {
                inv.error("invalid mode");
                return 1;
            }
        }
        int status = 0;
        for (String name : inv.operands()) {
            try {
                ctx.mkfifo(name, mode.orElse(0666));
                if (mode.isPresent()) ctx.chmod(name, mode.getAsInt());
            } catch (AgentOsException e) {
                inv.error("cannot create fifo " + Invocation.quote(name) + ": " + ChildProcess.reason(e));
                status = 1;
            }
        }
        return status;
    }
}
