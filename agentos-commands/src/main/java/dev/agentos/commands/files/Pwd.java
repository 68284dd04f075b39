package dev.agentos.commands.files;

import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.vfs.FileStat;
import java.util.Optional;

/** pwd: the working directory, physical (-P, the default) or logical (-L, from $PWD). */
final class Pwd extends FileCommand {
    Pwd() { super("pwd", "[OPTION]..."); }

    @Override protected Getopt options() { return Getopt.create().flag('L', "logical", "L").flag('P', "physical", "P"); }

    @Override protected int execute(Invocation inv) {
        if (!inv.operands().isEmpty()) inv.error("ignoring non-option arguments");
        boolean logical = false;
        for (Getopt.Option o : inv.options().options()) {
            if (o.key().equals("L")) logical = true;
            if (o.key().equals("P")) logical = false;
        }
        if (logical) {
            Optional<String> pwd = inv.ctx().getenv("PWD").filter(p -> p.startsWith("/") && validLogical(inv, p));
            if (pwd.isPresent()) {
                inv.print(pwd.get() + "\n");
                return 0;
            }
        }
        inv.print(inv.ctx().realpath(".") + "\n");
        return 0;
    }

    private static boolean validLogical(Invocation inv, String p) {
        for (String part : p.split("/")) if (part.equals(".") || part.equals("..")) return false;
        Optional<FileStat> a = SysFiles.stat(inv.ctx(), p), b = SysFiles.stat(inv.ctx(), ".");
        return a.isPresent() && b.isPresent() && a.get().ino() == b.get().ino() && a.get().dev() == b.get().dev();
    }
}
