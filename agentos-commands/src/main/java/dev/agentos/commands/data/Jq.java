package dev.agentos.commands.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.agentos.AgentOsException;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;
import net.thisptr.jackson.jq.exception.JsonQueryUserException;

/**
 * jq 1.6, with jackson-jq evaluating the filter and the command line, input positions, output
 * formatting, error wording and exit statuses (2 usage/input, 3 compile, 5 runtime, -e 1 and 4)
 * done here as jq does them.
 */
final class Jq implements Program {
    private static final String USAGE_TAIL = "Use jq --help for help with command-line options,\n"
            + "or see the jq manpage, or online docs  at https://stedolan.github.io/jq\n";
    private static final String USAGE = "Usage:\tjq [OPTIONS] FILTER [FILES...]\n"
            + "\tjq [OPTIONS] --args FILTER [ARGUMENTS...]\n\tjq [OPTIONS] --jsonargs FILTER [JSON_VALUES...]\n\n"
            + "jq is a tool for processing JSON inputs, applying the given filter to\n"
            + "its JSON text inputs and producing the filter's results as JSON on\nstandard output.\n\n"
            + "Some of the options include:\n"
            + "  -c               compact instead of pretty-printed output;\n"
            + "  -n               use `null` as the single input value;\n"
            + "  -e               set the exit status code based on the output;\n"
            + "  -s               read (slurp) all inputs into an array; apply filter to it;\n"
            + "  -r               output raw strings, not JSON texts;\n"
            + "  -a               output ASCII with escapes;\n"
            + "  -S               sort keys of objects on output;\n"
            + "  --tab            use tabs for indentation;\n"
            + "  --arg a v        set variable $a to value <v>;\n"
            + "  --argjson a v    set variable $a to JSON value <v>;\n"
            + "  --slurpfile a f  set variable $a to an array of JSON texts read from <f>;\n"
            + "  --rawfile a f    set variable $a to a string consisting of the contents of <f>;\n"
            + "  --args           remaining arguments are string arguments, not files;\n"
            + "  --jsonargs       remaining arguments are JSON arguments, not files;\n"
            + "  --               terminates argument processing;\n\n"
            + "Named arguments are also available as $ARGS.named[], while\n"
            + "positional arguments are available as $ARGS.positional[].\n\n"
            + "See the manpage for more options.\n";

    private static final Scope ROOT = JqFunctions.rootScope();

    /** Parsed command line. */
    private static final class Options {
        boolean raw, join, compact, slurp, nullInput, exitStatus, sortKeys, ascii, tab, rawInput, seq;
        int indent = 2;
        String filter;
        String filterFile;
        final List<String> files = new ArrayList<>();
        final Map<String, JsonNode> named = new LinkedHashMap<>();
        final ArrayNode positional = JsonNodeFactory.instance.arrayNode();
    }

    /** A usage error: message printed with jq's tail, status 2. */
    private static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        final boolean tail;

        UsageError(String message) {
            this(message, true);
        }

        UsageError(String message, boolean tail) {
            super(message, null, false, false);
            this.tail = tail;
        }
    }

    @Override public int run(ProcessContext ctx) throws IOException {
        Options o;
        try {
            o = parse(ctx, ctx.argv().subList(1, ctx.argv().size()));
        } catch (UsageError e) {
            Gnu.print(ctx.stderr(), "jq: " + e.getMessage() + "\n" + (e.tail ? USAGE_TAIL : ""));
            return 2;
        } catch (HelpShown h) {
            return h.status;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            return new JqRun(ctx, o.filter, out, ctx.stderr(), new JqRun.Flags(o.raw, o.join, o.ascii, o.seq,
                    o.exitStatus, o.slurp, o.nullInput, o.rawInput,
                    new JqPrinter(o.compact ? 0 : o.indent, o.tab && !o.compact, o.ascii, o.sortKeys)),
                    o.files, variables(o), ROOT).run();
        } finally {
            ctx.stdout().write(out.toByteArray());
        }
    }

    private static Map<String, JsonNode> variables(Options o) {
        Map<String, JsonNode> vars = new LinkedHashMap<>(o.named);
        var args = JsonNodeFactory.instance.objectNode();
        args.set("positional", o.positional);
        var named = JsonNodeFactory.instance.objectNode();
        o.named.forEach(named::set);
        args.set("named", named);
        vars.put("ARGS", args);
        return vars;
    }

    /** --help or --version printed; the run ends with {@code status}. */
    private static final class HelpShown extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        HelpShown(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    private Options parse(ProcessContext ctx, List<String> args) throws UsageError, HelpShown, IOException {
        Options o = new Options();
        boolean optionsDone = false;
        String further = null; // "args" or "jsonargs"
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (optionsDone || !a.startsWith("-") || a.equals("-")) {
                if (o.filter == null) o.filter = a;
                else if (further == null) o.files.add(a);
                else if (further.equals("args")) o.positional.add(a);
                else o.positional.add(parseJsonArg(a, "--jsonargs"));
                continue;
            }
            if (a.equals("--")) {
                optionsDone = true;
                continue;
            }
            if (a.startsWith("--")) {
                switch (a) {
                    case "--raw-output" -> o.raw = true;
                    case "--join-output" -> o.raw = o.join = true;
                    case "--compact-output" -> o.compact = true;
                    case "--slurp" -> o.slurp = true;
                    case "--null-input" -> o.nullInput = true;
                    case "--exit-status" -> o.exitStatus = true;
                    case "--sort-keys" -> o.sortKeys = true;
                    case "--ascii-output" -> o.ascii = true;
                    case "--raw-input" -> o.rawInput = true;
                    case "--color-output", "--monochrome-output", "--unbuffered" -> { }
                    case "--seq" -> o.seq = true;
                    case "--tab" -> o.tab = true;
                    case "--args" -> further = "args";
                    case "--jsonargs" -> further = "jsonargs";
                    case "--indent" -> {
                        if (i + 1 >= args.size()) throw new UsageError("--indent takes one parameter");
                        int n;
                        try {
                            n = Integer.parseInt(args.get(++i));
                        } catch (NumberFormatException e) {
                            n = 0;
                        }
                        if (n < -1 || n > 7) throw new UsageError("--indent takes a number between -1 and 7");
                        o.indent = n;
                        o.tab = false;
                    }
                    case "--arg", "--argjson", "--slurpfile", "--rawfile" -> {
                        String what = a.equals("--arg") || a.equals("--argjson") ? "(e.g. " + a + " varname " + (a.equals("--arg") ? "value" : "text") + ")"
                                : "(e.g. " + a + " varname filename)";
                        if (i + 2 >= args.size()) throw new UsageError(a + " takes two parameters " + what);
                        String name = args.get(++i);
                        String value = args.get(++i);
                        if (o.named.containsKey(name)) continue;
                        o.named.put(name, switch (a) {
                            case "--arg" -> TextNode.valueOf(value);
                            case "--argjson" -> parseJsonArg(value, a);
                            case "--rawfile" -> TextNode.valueOf(new String(readFile(ctx, a, name, value), StandardCharsets.UTF_8));
                            default -> slurpFile(ctx, name, value);
                        });
                    }
                    case "--help" -> {
                        Gnu.print(ctx.stdout(), USAGE);
                        throw new HelpShown(0);
                    }
                    case "--version" -> {
                        Gnu.print(ctx.stdout(), "jq-1.6\n");
                        throw new HelpShown(0);
                    }
                    case "--from-file" -> o.filterFile = "";
                    default -> throw new UsageError("Unknown option " + a);
                }
                continue;
            }
            for (char c : a.substring(1).toCharArray()) {
                switch (c) {
                    case 'r' -> o.raw = true;
                    case 'j' -> o.raw = o.join = true;
                    case 'c' -> o.compact = true;
                    case 's' -> o.slurp = true;
                    case 'n' -> o.nullInput = true;
                    case 'e' -> o.exitStatus = true;
                    case 'S' -> o.sortKeys = true;
                    case 'a' -> o.ascii = true;
                    case 'R' -> o.rawInput = true;
                    case 'C', 'M' -> { }
                    case 'f' -> o.filterFile = "";
                    case 'h' -> {
                        Gnu.print(ctx.stdout(), USAGE);
                        throw new HelpShown(0);
                    }
                    default -> throw new UsageError("Unknown option " + a);
                }
            }
        }
        if (o.filterFile != null) {
            // -f FILE: the first operand names the filter's file; the rest are inputs.
            if (o.filter == null) throw new UsageError("-f takes a parameter: (e.g. -f filename)");
            o.filter = new String(readFile(ctx, "-f", null, o.filter), StandardCharsets.UTF_8);
        }
        if (o.filter == null) {
            if (ctx.isatty(0) && ctx.isatty(1)) {
                Gnu.print(ctx.stderr(), USAGE);
                throw new HelpShown(2);
            }
            o.filter = ".";
        }
        return o;
    }

    private static JsonNode parseJsonArg(String text, String option) throws UsageError {
        try {
            List<JqInputs.Input> parsed = JqInputs.parse("", text, false, false);
            if (parsed.size() != 1 || parsed.get(0).error() != null) throw new UsageError("invalid JSON text passed to " + option);
            return parsed.get(0).value();
        } catch (RuntimeException e) {
            throw new UsageError("invalid JSON text passed to " + option);
        }
    }

    private static byte[] readFile(ProcessContext ctx, String option, String name, String path) throws UsageError, IOException {
        try {
            return VmFiles.readFile(ctx, path);
        } catch (AgentOsException e) {
            String why = "Could not open " + path + ": " + e.errno().map(x -> x.strerror()).orElse(e.getMessage());
            throw new UsageError(name == null ? why : "Bad JSON in " + option + " " + name + " " + path + ": " + why, false);
        }
    }

    private static JsonNode slurpFile(ProcessContext ctx, String name, String path) throws UsageError, IOException {
        String text = new String(readFile(ctx, "--slurpfile", name, path), StandardCharsets.UTF_8);
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        for (JqInputs.Input in : JqInputs.parse(path, text, false, false)) {
            if (in.error() != null) throw new UsageError("Bad JSON in --slurpfile " + name + " " + path + ": " + in.error(), false);
            all.add(in.value());
        }
        return all;
    }

    static JsonQuery compile(String filter) throws JsonQueryException {
        return JsonQuery.compile(filter, Versions.JQ_1_6);
    }

    static JsonNode userError(JsonQueryException e) {
        return e instanceof JsonQueryUserException u ? u.getMessageAsJsonNode() : TextNode.valueOf(e.getMessage());
    }

    static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }
}
