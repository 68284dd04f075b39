package dev.agentos.commands.system;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import java.util.ArrayList;
import java.util.List;

/** which (debianutils): the first (or with -a every) executable named on PATH; status 1 if any is missing. */
final class Which implements Program {
    @Override public int run(ProcessContext ctx) {
        List<String> args = new ArrayList<>(ctx.argv().subList(1, ctx.argv().size()));
        boolean all = false;
        // sh's getopts: clusters of -a up to the first operand or "--"
        while (!args.isEmpty() && args.get(0).startsWith("-") && args.get(0).length() > 1) {
            String a = args.remove(0);
            if (a.equals("--")) break;
            for (char c : a.substring(1).toCharArray()) {
                if (c != 'a') {
                    Gnu.print(ctx.stderr(), "Illegal option -" + c + "\n");
                    Gnu.print(ctx.stdout(), "Usage: " + ctx.argv().get(0) + " [-a] args\n");
                    return 2;
                }
                all = true;
            }
        }
        String path = ctx.getenv("PATH").orElse("");
        if (path.endsWith(":") && !path.endsWith("::") && path.length() > 1) path = path + ":";
        List<String> elements = splitPath(path);
        StringBuilder out = new StringBuilder();
        int status = args.isEmpty() ? 1 : 0;
        for (String program : args) {
            boolean found = false;
            if (program.contains("/")) {
                if (executableFile(ctx, program)) {
                    out.append(program).append('\n');
                    found = true;
                }
            } else {
                for (String e : elements) {
                    String dir = e.isEmpty() ? "." : e;
                    String candidate = dir + "/" + program;
                    if (executableFile(ctx, candidate)) {
                        out.append(candidate).append('\n');
                        found = true;
                        if (!all) break;
                    }
                }
            }
            if (!found) status = 1;
        }
        Gnu.print(ctx.stdout(), out.toString());
        return status;
    }

    /** Splits as sh's IFS=: does: empty fields in between count, one trailing empty field does not. */
    private static List<String> splitPath(String path) {
        List<String> parts = new ArrayList<>(List.of(path.split(":", -1)));
        if (!parts.isEmpty() && parts.get(parts.size() - 1).isEmpty()) parts.remove(parts.size() - 1);
        return parts;
    }

    private static boolean executableFile(ProcessContext ctx, String path) {
        try {
            return ctx.stat(path).type() == dev.agentos.kernel.vfs.FileType.REGULAR && ctx.access(path, 1);
        } catch (AgentOsException e) {
            return false;
        }
    }
}
