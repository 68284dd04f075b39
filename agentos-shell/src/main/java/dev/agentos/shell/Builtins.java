package dev.agentos.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table of builtins: the commands that change the shell itself or are too common to spawn. The
 * builtins live in classes grouped by concern; each registers its names here and returns exit statuses.
 */
final class Builtins {
    @FunctionalInterface
    interface Builtin {
        int run(List<String> argv);
    }

    static final Set<String> SPECIAL = Set.of("break", ":", "continue", ".", "eval", "exec", "exit", "export", "readonly",
            "return", "set", "shift", "times", "trap", "unset", "source");
    static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while",
            "until", "do", "done", "in", "function", "time", "{", "}", "!", "[[", "]]", "coproc");

    private final Map<String, Builtin> table = new HashMap<>();
    final ControlBuiltins control;
    final JobBuiltins jobs;
    final DirectoryBuiltins dirs;

    /** bash's times format: {@code 0m1.234s}. */
    private static String clock(long nanos) {
        double s = nanos / 1e9;
        return String.format("%dm%.3fs", (int) (s / 60), s % 60);
    }

    Builtins(Shell sh) {
        table.put(":", a -> 0);
        table.put("true", a -> 0);
        table.put("false", a -> 1);
        table.put("test", a -> TestCommand.run(sh, a));
        table.put("[", a -> TestCommand.run(sh, a));
        table.put("times", a -> {
            // user time is the kernel's runnable time (see ProcessTimes); nothing is accounted as system time
            var t = sh.ctx.times();
            sh.writeOut(clock(t.cpuNanos()) + " 0m0.000s\n" + clock(t.childrenCpuNanos()) + " 0m0.000s\n");
            return 0;
        });
        table.put("read", a -> new ReadBuiltin(sh).run(a));
        table.put("history", a -> new HistoryBuiltin(sh).run(a));
        control = new ControlBuiltins(sh);
        jobs = new JobBuiltins(sh);
        dirs = new DirectoryBuiltins(sh);
        control.register(table);
        jobs.register(table);
        dirs.register(table);
        new IoBuiltins(sh).register(table);
        new VariableBuiltins(sh).register(table);
        new OptionBuiltins(sh).register(table);
        new LookupBuiltins(sh).register(table);
        new ResourceBuiltins(sh).register(table);
    }

    Builtin find(String name) { return table.get(name); }

    boolean isBuiltin(String name) { return table.containsKey(name); }

    /** Every builtin's name, for completion. */
    java.util.Set<String> names() { return table.keySet(); }
}
