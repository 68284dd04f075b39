package dev.agentos.commands;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.ProcessContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What GNU tools share: --help/--version handling and the wording of errors. */
public final class Gnu {
    public static final String VERSION = "9.1";
    static final String VERSION_TAIL = " (GNU coreutils) " + VERSION + "\n";

    private Gnu() {}

    /**
     * The tool's own {@code --help} text (GNU's, kept as the resource {@code help/NAME.txt} beside this class),
     * when there is one.
     */
    public static java.util.Optional<String> helpText(String name) {
        try (java.io.InputStream in = Gnu.class.getResourceAsStream("help/" + name + ".txt")) {
            if (in != null) return java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // a missing text falls back to the command's short usage
        }
        return java.util.Optional.empty();
    }

    /** Handles a lone --help or --version; true when it did. */
    public static boolean helpOrVersion(ProcessContext ctx, String name, String usage) {
        var argv = ctx.argv();
        if (argv.size() != 2) return false;
        if (argv.get(1).equals("--help")) {
            print(ctx.stdout(), helpText(name).orElse(usage));
            return true;
        }
        if (argv.get(1).equals("--version")) {
            print(ctx.stdout(), name + VERSION_TAIL);
            return true;
        }
        return false;
    }

    /** {@code cat: /x: No such file or directory}. */
    public static void error(ProcessContext ctx, String name, String operand, AgentOsException e) {
        String reason = e.errno().map(x -> x.strerror()).orElse(e.getMessage());
        print(ctx.stderr(), name + ": " + operand + ": " + reason + "\n");
    }

    public static void print(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
