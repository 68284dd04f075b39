package dev.agentos.commands.system;

import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;

/** hostname (net-tools): prints the VM's host name from /etc/hostname; -s, -f, -d, -i, -I. */
final class Hostname implements Program {
    @Override public int run(ProcessContext ctx) {
        String name = UserDatabase.readFile(ctx, "/etc/hostname").orElse("localhost").strip();
        var args = ctx.argv().subList(1, ctx.argv().size());
        String mode = "";
        for (String a : args) {
            switch (a) {
                case "-s", "--short" -> mode = "s";
                case "-f", "--fqdn", "--long", "-A", "--all-fqdns" -> mode = "f";
                case "-d", "--domain" -> mode = "d";
                case "-i", "--ip-address" -> mode = "i";
                case "-I", "--all-ip-addresses" -> mode = "I";
                default -> {
                    if (a.startsWith("-")) {
                        Gnu.print(ctx.stderr(), "hostname: invalid option -- '" + a.substring(1, 2) + "'\n"
                                + "Usage: hostname [-b] {hostname|-F file}         set host name (from file)\n"
                                + "       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name\n"
                                + "       hostname                                 display host name\n");
                        return 255;
                    }
                    Gnu.print(ctx.stderr(), "hostname: you must be root to change the host name\n");
                    return 1;
                }
            }
        }
        int dot = name.indexOf('.');
        String out = switch (mode) {
            case "s" -> dot < 0 ? name : name.substring(0, dot);
            case "d" -> dot < 0 ? "" : name.substring(dot + 1);
            case "i" -> "127.0.1.1";
            case "I" -> "127.0.0.1 ";
            default -> name;
        };
        Gnu.print(ctx.stdout(), out + "\n");
        return 0;
    }
}
