package dev.agentos.commands.system;

import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;
import java.util.ArrayList;
import java.util.List;

/** uname: the VM's kernel name, node name (/etc/hostname), release and version (/proc/version). */
final class Uname extends GnuCommand {
    private static final String[] KEYS = {"s", "n", "r", "v", "m", "p", "i", "o"};

    @Override protected String name() { return "uname"; }

    @Override protected Getopt options() {
        return Getopt.create().flag('a', "all", "a").flag('s', "kernel-name", "s").flag('n', "nodename", "n")
                .flag('r', "kernel-release", "r").flag('v', "kernel-version", "v").flag('m', "machine", "m")
                .flag('p', "processor", "p").flag('i', "hardware-platform", "i").flag('o', "operating-system", "o");
    }

    @Override protected String usage() {
        return """
                Usage: uname [OPTION]...
                Print certain system information.  With no OPTION, same as -s.

                  -a, --all                print all information, in the following order,
                                             except omit -p and -i if unknown:
                  -s, --kernel-name        print the kernel name
                  -n, --nodename           print the network node hostname
                  -r, --kernel-release     print the kernel release
                  -v, --kernel-version     print the kernel version
                  -m, --machine            print the machine hardware name
                  -p, --processor          print the processor type (non-portable)
                  -i, --hardware-platform  print the hardware platform (non-portable)
                  -o, --operating-system   print the operating system
                      --help        display this help and exit
                      --version     output version information and exit
                """;
    }

    @Override protected int execute(Invocation inv) {
        if (!inv.operands().isEmpty()) {
            inv.error("extra operand " + Invocation.quote(inv.operands().get(0)) + "\nTry 'uname --help' for more information.");
            return 1;
        }
        String version = UserDatabase.readFile(inv.ctx(), "/proc/version").orElse("Linux version 6.1.0 #1\n").strip();
        String[] words = version.split(" ");
        String release = words.length > 2 ? words[2] : "unknown";
        int hash = version.indexOf(" #");
        String kernelVersion = hash >= 0 ? version.substring(hash + 1) : "#1";
        String node = UserDatabase.readFile(inv.ctx(), "/etc/hostname").orElse("localhost").strip();
        boolean all = inv.has("a");
        boolean any = false;
        for (String k : KEYS) any |= inv.has(k);
        List<String> out = new ArrayList<>();
        for (String k : KEYS) {
            boolean want = inv.has(k) || all && !k.equals("p") && !k.equals("i") || !any && !all && k.equals("s");
            if (!want) continue;
            out.add(switch (k) {
                case "s" -> "Linux";
                case "n" -> node;
                case "r" -> release;
                case "v" -> kernelVersion;
                case "m" -> "x86_64";
                case "p", "i" -> "unknown";
                default -> "GNU/Linux";
            });
        }
        inv.print(String.join(" ", out) + "\n");
        return 0;
    }
}
