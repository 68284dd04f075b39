package dev.agentos.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The builtins over the process's resources: umask, ulimit. */
final class ResourceBuiltins {
    private final Shell sh;

    ResourceBuiltins(Shell sh) {
        this.sh = sh;
    }

    void register(Map<String, Builtins.Builtin> t) {
            t.put("umask", this::umask);
            t.put("ulimit", this::ulimit);
    }

    private void err(String msg) { sh.error(msg); }

    private int umask(List<String> a) {
        boolean symbolic = a.contains("-S");
        List<String> rest = new ArrayList<>(a.subList(1, a.size()));
        rest.remove("-S");
        rest.remove("-p");
        if (rest.isEmpty()) {
            int m = sh.ctx.umask();
            if (symbolic) {
                int p = ~m & 0777;
                sh.writeOut("u=" + rwx(p >> 6) + ",g=" + rwx(p >> 3) + ",o=" + rwx(p) + "\n");
            } else sh.writeOut(String.format("%04o\n", m));
            return 0;
        }
        try {
            sh.ctx.umask(Integer.parseInt(rest.get(0), 8));
        } catch (NumberFormatException e) {
            err("umask: " + rest.get(0) + ": octal number out of range");
            return 1;
        }
        return 0;
    }

    private static String rwx(int bits) {
        return ((bits & 4) != 0 ? "r" : "") + ((bits & 2) != 0 ? "w" : "") + ((bits & 1) != 0 ? "x" : "");
    }

    /**
     * ulimit: reports the VM's limits (they are fixed per VM, so a change is refused as bash refuses one
     * above the hard limit). There is no per-file size limit: -f is unlimited.
     */
    private int ulimit(List<String> a) {
        var limits = sh.ctx.limits();
        char which = 'f';
        boolean all = false;
        String value = null;
        for (String arg : a.subList(1, a.size())) {
            if (arg.equals("-a")) all = true;
            else if (arg.matches("-[HS]*[fnu][HS]*")) which = arg.replaceAll("[-HS]", "").charAt(0);
            else if (arg.matches("-[HS]+")) continue;
            else if (!arg.startsWith("-")) value = arg;
            else { err("ulimit: " + arg + ": invalid option"); return 2; }
        }
        String name = switch (which) { case 'n' -> "open files"; case 'u' -> "max user processes"; default -> "file size"; };
        String current = switch (which) {
            case 'n' -> Integer.toString(limits.maxOpenFiles());
            case 'u' -> Integer.toString(limits.maxProcesses());
            default -> "unlimited";
        };
        if (all) {
            sh.writeOut("file size                   (blocks, -f) unlimited\n"
                    + "open files                          (-n) " + limits.maxOpenFiles() + "\n"
                    + "max user processes                  (-u) " + limits.maxProcesses() + "\n");
            return 0;
        }
        if (value == null) {
            sh.writeOut(current + "\n");
            return 0;
        }
        if (value.equals(current)) return 0;
        err("ulimit: " + name + ": cannot modify limit: Operation not permitted");
        return 1;
    }
}
