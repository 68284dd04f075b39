package dev.agentos.commands.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.ProcessContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/** One jq run: reads the inputs, applies the filter to each, prints results and errors as jq 1.6 does. */
final class JqRun {
    /** The output and input switches. */
    record Flags(boolean raw, boolean join, boolean ascii, boolean seq, boolean exitStatus, boolean slurp,
                 boolean nullInput, boolean rawInput, JqPrinter printer) {}

    /** halt / halt_error: stop with a status. */
    static final class Halt extends JsonQueryException {
        private static final long serialVersionUID = 1L;
        final int status;

        Halt(int status) {
            super("halt");
            this.status = status;
        }
    }

    private final ProcessContext ctx;
    private final String filter;
    private final OutputStream out;
    private final OutputStream err;
    private final Flags flags;
    private final List<String> files;
    private final Map<String, JsonNode> variables;
    private final Scope root;
    private final Deque<JqInputs.Input> pending = new ArrayDeque<>();
    private int nextFile;
    private boolean inputErrors;
    private String parseError;
    private String position = "<unknown>";
    private String currentFile = null;

    JqRun(ProcessContext ctx, String filter, OutputStream out, OutputStream err, Flags flags, List<String> files,
          Map<String, JsonNode> variables, Scope root) {
        this.ctx = ctx;
        this.filter = filter;
        this.out = out;
        this.err = err;
        this.flags = flags;
        this.files = files.isEmpty() ? List.of("-") : files;
        this.variables = variables;
        this.root = root;
    }

    int run() throws IOException {
        JsonQuery query;
        try {
            query = Jq.compile(filter);
            try {
                query = Jq.compile(JqFunctions.PRELUDE + filter);
            } catch (JsonQueryException notWithPrelude) {
                // jackson-jq refuses some forms (a leading label) after definitions: run without the extras.
            }
        } catch (JsonQueryException e) {
            Jq.write(err, "jq: error: " + e.getMessage() + "\njq: 1 compile error\n");
            return 3;
        }
        Scope scope = Scope.newChildScope(root);
        variables.forEach(scope::setValue);
        JqFunctions.install(scope, ctx, this);
        int ret = 0;
        try {
            if (flags.nullInput()) {
                ret = process(query, scope, NullNode.instance);
            } else if (flags.slurp()) {
                JsonNode all = slurpAll();
                if (parseError == null) ret = process(query, scope, all);
            } else {
                JsonNode v;
                while ((v = next()) != null) ret = process(query, scope, v);
            }
        } catch (Halt h) {
            return h.status;
        }
        if (parseError != null) {
            Jq.write(err, parseError + "\n");
            return 4;
        }
        if (inputErrors) return 2;
        if (ret >= 10) return flags.exitStatus() ? ret - 10 : 0;
        return ret;
    }

    private JsonNode slurpAll() throws IOException {
        if (flags.rawInput()) {
            StringBuilder sb = new StringBuilder();
            String f;
            while ((f = nextSourceText()) != null) sb.append(f);
            return JsonNodeFactory.instance.textNode(sb.toString());
        }
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        JsonNode v;
        while ((v = next()) != null) all.add(v);
        return all;
    }

    /** The next input value, or null at the end (or after a parse error). */
    JsonNode next() throws IOException {
        while (pending.isEmpty()) {
            if (parseError != null) return null;
            String text = nextSourceText();
            if (text == null) return null;
            pending.addAll(JqInputs.parse(currentFile.equals("-") ? "<stdin>" : currentFile, text, flags.rawInput(), false));
        }
        JqInputs.Input in = pending.poll();
        if (in.error() != null) {
            parseError = in.error();
            pending.clear();
            return null;
        }
        position = in.position();
        return in.value();
    }

    String currentFile() {
        return currentFile == null ? null : currentFile.equals("-") ? "<stdin>" : currentFile;
    }

    private String nextSourceText() throws IOException {
        while (nextFile < files.size()) {
            String f = files.get(nextFile++);
            try {
                byte[] b = f.equals("-") ? VmFiles.readAll(VmFiles.stdin(ctx)) : VmFiles.readFile(ctx, f);
                currentFile = f;
                return new String(b, StandardCharsets.UTF_8);
            } catch (AgentOsException e) {
                Jq.write(err, "jq: error: Could not open file " + f + ": " + e.errno().map(x -> x.strerror()).orElse(e.getMessage()) + "\n");
                inputErrors = true;
            }
        }
        return null;
    }

    private int process(JsonQuery query, Scope scope, JsonNode input) throws IOException {
        int[] ret = {14};
        StringBuilder sb = new StringBuilder();
        try {
            query.apply(scope, input, result -> {
                if (flags.raw() && result.isTextual()) {
                    if (flags.ascii()) JqPrinter.string(sb, result.textValue(), true);
                    else sb.append(result.textValue());
                    ret[0] = 0;
                } else {
                    ret[0] = result.isNull() || (result.isBoolean() && !result.booleanValue()) ? 11 : 0;
                    if (flags.seq()) sb.append('\u001e');
                    sb.append(flags.printer().print(result));
                }
                if (!flags.join()) sb.append('\n');
                if (sb.length() > 8192) flush(sb);
            });
        } catch (Halt h) {
            flush(sb);
            throw h;
        } catch (JsonQueryException e) {
            flush(sb);
            JsonNode msg = Jq.userError(e);
            if (msg.isTextual() && msg.textValue().matches("\\$\\w+ is not defined|Function \\S+ does not exist")) {
                String what = msg.textValue().replaceAll("^Function (\\S+) does not exist$", "$1 is not defined");
                Jq.write(err, "jq: error: " + what + " at <top-level>, line 1:\n" + filter + "\njq: 1 compile error\n");
                throw new Halt(3);
            }
            String where = flags.nullInput() ? "<unknown>" : position;
            if (msg.isTextual()) Jq.write(err, "jq: error (at " + where + "): " + msg.textValue() + "\n");
            else Jq.write(err, "jq: error (at " + where + ") (not a string): " + new JqPrinter(0, false, false, false).print(msg) + "\n");
            return 5;
        } catch (StackOverflowError e) {
            flush(sb);
            Jq.write(err, "jq: error (at " + position + "): stack overflow\n");
            return 5;
        }
        flush(sb);
        return ret[0];
    }

    private void flush(StringBuilder sb) {
        try {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        sb.setLength(0);
    }
}
