package dev.agentos.commands.system;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import java.util.List;
import java.util.OptionalInt;

/** kill (procps-ng 4.0.2): sends a signal to pids or (negative) process groups; -l and -L list signals. */
final class Kill implements Program {
    private static final String USAGE = """

            Usage:
             kill [options] <pid> [...]

            Options:
             <pid> [...]            send signal to every <pid> listed
             -<signal>, -s, --signal <signal>
                                    specify the <signal> to be sent
             -q, --queue <value>    integer value to be sent with the signal
             -l, --list=[<signal>]  list all signal names, or convert one to a name
             -L, --table            list all signal names in a nice table

             -h, --help     display this help and exit
             -V, --version  output version information and exit

            For more details see kill(1).
            """;

    @Override public int run(ProcessContext ctx) {
        String me = ctx.argv().get(0);
        List<String> args = ctx.argv().subList(1, ctx.argv().size());
        int signal = 15;
        int i = 0;
        if (args.isEmpty()) return usage(ctx);
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) { i++; break; }
            if (a.equals("-l") || a.equals("--list") || a.startsWith("--list=")) {
                String arg = a.startsWith("--list=") ? a.substring(7) : i + 1 < args.size() ? args.get(i + 1) : null;
                return list(ctx, me, arg);
            }
            if (a.equals("-L") || a.equals("--table")) return table(ctx);
            if (a.equals("-h") || a.equals("--help")) { Gnu.print(ctx.stdout(), USAGE); return 0; }
            if (a.equals("-V") || a.equals("--version")) { Gnu.print(ctx.stdout(), "kill from procps-ng 4.0.2\n"); return 0; }
            if (a.equals("-s") || a.equals("--signal")) {
                if (i + 1 >= args.size()) return invalid(ctx, me, a.substring(a.startsWith("--") ? 2 : 1));
                OptionalInt n = SignalNames.number(args.get(++i));
                if (n.isEmpty()) {
                    // procps 4.0.2 sends the unparsed signal anyway and reports the kernel's EINVAL
                    return sendAll(ctx, me, args.subList(i + 1, args.size()), -1);
                }
                signal = n.getAsInt();
                continue;
            }
            if (a.equals("-q") || a.equals("--queue")) { i++; continue; }
            if (a.startsWith("-") && a.length() > 1 && !a.substring(1).matches("\\d+") ) {
                OptionalInt n = SignalNames.number(a.substring(1));
                if (n.isEmpty()) return invalid(ctx, me, a.substring(1, 2));
                signal = n.getAsInt();
                continue;
            }
            if (a.matches("-\\d+")) {
                OptionalInt n = SignalNames.number(a.substring(1));
                signal = n.orElse(-1);
                continue;
            }
            break;
        }
        List<String> pids = args.subList(Math.min(i, args.size()), args.size());
        if (pids.isEmpty()) return usage(ctx);
        return sendAll(ctx, me, pids, signal);
    }

    private static int sendAll(ProcessContext ctx, String me, List<String> pids, int signal) {
        int status = 0;
        for (String p : pids) {
            int pid;
            try {
                pid = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                Gnu.print(ctx.stderr(), me + ": failed to parse argument: '" + p + "'\n");
                status = 1;
                continue;
            }
            try {
                send(ctx, pid, signal);
            } catch (AgentOsException e) {
                Gnu.print(ctx.stderr(), me + ": (" + pid + "): " + ChildProcess.reason(e) + "\n");
                status = 1;
            }
        }
        return status;
    }

    private static void send(ProcessContext ctx, int pid, int signal) {
        if (signal < 0) throw AgentOsException.errno(dev.agentos.kernel.Errno.EINVAL, "kill", null);
        if (signal == 0) {
            boolean exists = ctx.processes().stream().anyMatch(p -> pid > 0 ? p.pid() == pid
                    : pid < -1 ? p.pgid() == -pid : true);
            if (!exists) throw AgentOsException.errno(dev.agentos.kernel.Errno.ESRCH, "kill", null);
            return;
        }
        var sig = SignalNames.signal(signal);
        if (sig.isEmpty()) throw AgentOsException.errno(dev.agentos.kernel.Errno.EINVAL, "kill", null);
        ctx.kill(pid, sig.get());
    }

    private static int list(ProcessContext ctx, String me, String arg) {
        if (arg == null) {
            StringBuilder sb = new StringBuilder();
            for (int n = 1; n <= 31; n++) {
                sb.append(SignalNames.name(n)).append(n == 16 || n == 31 ? '\n' : ' ');
            }
            Gnu.print(ctx.stdout(), sb.toString());
            return 0;
        }
        if (arg.startsWith("-")) return list(ctx, me, null);
        OptionalInt n = SignalNames.number(arg);
        if (n.isEmpty() || n.getAsInt() == 0) {
            Gnu.print(ctx.stderr(), me + ": unknown signal name " + arg + "\n");
            return 0;
        }
        boolean numeric = arg.chars().allMatch(Character::isDigit);
        Gnu.print(ctx.stdout(), (numeric ? SignalNames.name(n.getAsInt()) : Integer.toString(n.getAsInt())) + "\n");
        return 0;
    }

    private static int table(ProcessContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (int n = 1; n <= 31; n++) {
            sb.append(String.format("%2d %-8s", n, SignalNames.name(n)));
            if (n % 7 == 0) {
                sb.setLength(sb.length() - 8 + SignalNames.name(n).length());
                sb.append('\n');
            }
        }
        sb.append('\n');
        Gnu.print(ctx.stdout(), sb.toString());
        return 0;
    }

    private static int invalid(ProcessContext ctx, String me, String what) {
        Gnu.print(ctx.stderr(), me + ": invalid argument " + what + "\n" + USAGE);
        return 1;
    }

    private static int usage(ProcessContext ctx) {
        Gnu.print(ctx.stderr(), USAGE);
        return 1;
    }
}
