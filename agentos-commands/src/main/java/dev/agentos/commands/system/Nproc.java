package dev.agentos.commands.system;

import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;

/** nproc: the number of processors in /proc/cpuinfo, less --ignore, honouring OMP_NUM_THREADS. */
final class Nproc extends GnuCommand {
    @Override protected String name() { return "nproc"; }

    @Override protected Getopt options() {
        return Getopt.create().flag((char) 0, "all", "all").withArg((char) 0, "ignore", "ignore");
    }

    @Override protected String usage() {
        return """
                Usage: nproc [OPTION]...
                Print the number of processing units available to the current process,
                which may be less than the number of online processors

                      --all      print the number of installed processors
                      --ignore=N  if possible, exclude N processing units
                      --help        display this help and exit
                      --version     output version information and exit
                """;
    }

    @Override protected int execute(Invocation inv) {
        if (!inv.operands().isEmpty()) {
            inv.error("extra operand " + Invocation.quote(inv.operands().get(0)) + "\nTry 'nproc --help' for more information.");
            return 1;
        }
        long ignore = 0;
        if (inv.has("ignore")) {
            String v = inv.options().last("ignore").get();
            try {
                ignore = Long.parseLong(v.strip());
                if (ignore < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                inv.error("invalid number: " + Invocation.quote(v));
                return 1;
            }
        }
        long n = UserDatabase.readLines(inv.ctx(), "/proc/cpuinfo").stream().filter(l -> l.startsWith("processor")).count();
        if (n == 0) n = 1;
        if (!inv.has("all")) {
            var omp = inv.ctx().getenv("OMP_NUM_THREADS");
            if (omp.isPresent()) {
                try {
                    long v = Long.parseLong(omp.get().split(",")[0].strip());
                    if (v > 0) n = v;
                } catch (NumberFormatException ignored) {
                    // GNU ignores a malformed OMP_NUM_THREADS
                }
            }
        }
        n = Math.max(1, n - ignore);
        inv.print(n + "\n");
        return 0;
    }
}
