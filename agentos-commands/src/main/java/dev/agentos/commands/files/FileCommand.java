package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;
import java.io.IOException;
import java.io.InputStream;

/** A coreutils file command: {@link GnuCommand} plus the messages and prompts they share. */
abstract class FileCommand extends GnuCommand {
    private final String name;
    private final String usage;

    FileCommand(String name, String synopsis) {
        this.name = name;
        this.usage = "Usage: " + name + " " + synopsis + "\n";
    }

    @Override protected final String name() { return name; }

    @Override protected String usage() { return usage; }

    /** {@code name: message} and the "Try --help" line; returns the usage status. */
    int usageError(Invocation inv, String message) {
        inv.error(message);
        dev.agentos.commands.Gnu.print(inv.ctx().stderr(), "Try '" + name + " --help' for more information.\n");
        return usageStatus();
    }

    /** {@code name: what 'x': strerror}. */
    static void fail(Invocation inv, String what, String path, AgentOsException e) {
        inv.error(what + " " + Quoting.always(path) + ": " + SysFiles.reason(e));
    }

    /** Writes a prompt to stderr and reads a yes/no line from stdin, as GNU's yesno(). */
    static boolean ask(Invocation inv, String prompt) {
        try {
            inv.out().flush();
            dev.agentos.commands.Gnu.print(inv.ctx().stderr(), prompt);
            InputStream in = inv.ctx().stdin();
            int c = in.read();
            boolean yes = c == 'y' || c == 'Y';
            while (c != -1 && c != '\n') c = in.read();
            return yes;
        } catch (IOException e) {
            return false;
        }
    }
}
