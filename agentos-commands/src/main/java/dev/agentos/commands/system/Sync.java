package dev.agentos.commands.system;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.vfs.OpenFlags;

/** sync: the VM's filesystems need no flushing, but named files are opened and fsync'd as GNU does. */
final class Sync extends GnuCommand {
    @Override protected String name() { return "sync"; }

    @Override protected Getopt options() {
        return Getopt.create().flag('d', "data", "d").flag('f', "file-system", "f");
    }

    @Override protected String usage() {
        return """
                Usage: sync [OPTION] [FILE]...
                Synchronize cached writes to persistent storage

                If one or more files are specified, sync only them,
                or their containing file systems.

                  -d, --data             sync only file data, no unneeded metadata
                  -f, --file-system      sync the file systems that contain the files
                      --help        display this help and exit
                      --version     output version information and exit
                """;
    }

    @Override protected int execute(Invocation inv) {
        if (inv.has("d") && inv.has("f")) {
            inv.error("cannot specify both --data and --file-system");
            return 1;
        }
        if (inv.has("d") && inv.operands().isEmpty()) {
            inv.error("--data needs at least one argument");
            return 1;
        }
        int status = 0;
        for (String f : inv.operands()) {
            try {
                int fd = inv.ctx().open(f, OpenFlags.O_RDONLY | OpenFlags.O_NONBLOCK, 0);
                try {
                    inv.ctx().fsync(fd);
                } finally {
                    inv.ctx().close(fd);
                }
            } catch (AgentOsException e) {
                inv.error("error opening " + Invocation.quote(f) + ": " + ChildProcess.reason(e));
                status = 1;
            }
        }
        return status;
    }
}
