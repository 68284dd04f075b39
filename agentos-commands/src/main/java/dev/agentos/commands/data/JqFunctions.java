package dev.agentos.commands.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.agentos.kernel.proc.ProcessContext;
import java.io.IOException;
import java.util.List;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.Expression;
import net.thisptr.jackson.jq.Function;
import net.thisptr.jackson.jq.PathOutput;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Version;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;
import net.thisptr.jackson.jq.path.Path;

/**
 * The jq builtins that touch the world, bound to the VM instead of the host JVM: env and $ENV (the
 * process environment), now (the VM clock), input/inputs/input_filename (this run's inputs),
 * debug/stderr (the process's stderr) and halt/halt_error.
 */
final class JqFunctions {
    private JqFunctions() {}

    /** jq 1.6 builtins that jackson-jq lacks and that jq itself defines in jq (from jq's builtin.jq). */
    static final String PRELUDE = String.join(" ",
            "def _tostream_r: (.[]? | _tostream_r), .;",
            "def tostream: path(_tostream_r) as $p | getpath($p) | reduce path(.[]?) as $q ([$p, .]; [$p+$q]);",
            "def fromstream(f): { x: null, e: false } as $init | foreach f as $i ($init;",
            "  if .e then $init else . end | if $i | length == 2",
            "  then setpath([\"e\"]; $i[0] | length == 0) | setpath([\"x\"] + $i[0]; $i[1])",
            "  else setpath([\"e\"]; $i[0] | length == 1) end; if .e then .x else empty end);",
            "def truncate_stream(stream): . as $n | null | stream | . as $input | if (.[0]|length) > $n then setpath([0];.[0][$n:]) else empty end;",
            "def isempty(g): first((g|false), true);",
            // jq 1.6 (as shipped by Debian) applies f to the original input each time: mimic it.
            "def repeat(f): def _repeat: f, _repeat; _repeat;",
            "def IN(s): any(s == .; .);",
            "def IN(src; s): any(src == s; .);",
            "def INDEX(stream; idx_expr): reduce stream as $row ({}; .[$row|idx_expr|tostring] |= $row);",
            "def INDEX(idx_expr): INDEX(.[]; idx_expr);",
            "def JOIN($idx; idx_expr): [.[] | [., $idx[idx_expr]]];",
            "def JOIN($idx; stream; idx_expr): stream | [., $idx[idx_expr]];",
            "def JOIN($idx; stream; idx_expr; join_expr): stream | [., $idx[idx_expr]] | join_expr;",
            "def scalars_or_empty: select(. == null or . == true or . == false or type == \"number\" or type == \"string\" or ((type==\"array\" or type==\"object\") and length==0));",
            "");

    static Scope rootScope() {
        Scope root = Scope.newEmptyScope();
        BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, root);
        installMath(root);
        return root;
    }

    /** A function of no arguments producing one value from its input. */
    private interface Simple {
        JsonNode apply(JsonNode in) throws JsonQueryException;
    }

    private static Function simple(Simple s) {
        return (Scope scope, List<Expression> args, JsonNode in, Path path, PathOutput output, Version version) -> output.emit(s.apply(in), null);
    }

    private interface Math1 {
        double apply(double x);
    }

    private static Function math(Math1 f) {
        return simple(in -> {
            if (!in.isNumber()) throw new JsonQueryException(typeName(in) + " (" + new JqPrinter(0, false, false, false).print(in) + ") number required");
            return DoubleNode.valueOf(f.apply(in.doubleValue()));
        });
    }

    private interface Math2 {
        double apply(double a, double b);
    }

    private static Function math2(Math2 f) {
        return (scope, args, in, path, output, version) -> {
            java.util.List<JsonNode> as = new java.util.ArrayList<>(), bs = new java.util.ArrayList<>();
            args.get(0).apply(scope, in, as::add);
            args.get(1).apply(scope, in, bs::add);
            for (JsonNode b : bs) {
                for (JsonNode a : as) {
                    if (!a.isNumber() || !b.isNumber()) throw new JsonQueryException(typeName(in) + " number required");
                    output.emit(DoubleNode.valueOf(f.apply(a.doubleValue(), b.doubleValue())), null);
                }
            }
        };
    }

    static String typeName(JsonNode n) {
        return switch (n.getNodeType()) {
            case NUMBER -> "number";
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
            default -> "null";
        };
    }

    static void installMath(Scope root) {
        root.addFunction("ceil", 0, math(Math::ceil));
        root.addFunction("trunc", 0, math(x -> x < 0 ? Math.ceil(x) : Math.floor(x)));
        root.addFunction("fabs", 0, math(Math::abs));
        root.addFunction("rint", 0, math(Math::rint));
        root.addFunction("nearbyint", 0, math(Math::rint));
        root.addFunction("logb", 0, math(x -> Math.getExponent(x)));
        root.addFunction("significand", 0, math(x -> x == 0 ? 0 : x / Math.pow(2, Math.getExponent(x))));
        root.addFunction("pow10", 0, math(x -> Math.pow(10, x)));
        root.addFunction("acosh", 0, math(x -> Math.log(x + Math.sqrt(x * x - 1))));
        root.addFunction("asinh", 0, math(x -> Math.log(x + Math.sqrt(x * x + 1))));
        root.addFunction("atanh", 0, math(x -> 0.5 * Math.log((1 + x) / (1 - x))));
        root.addFunction("fmin", 2, math2(Math::min));
        root.addFunction("fmax", 2, math2(Math::max));
        root.addFunction("fmod", 2, math2((a, b) -> a % b));
        root.addFunction("hypot", 2, math2(Math::hypot));
        root.addFunction("copysign", 2, math2(Math::copySign));
        root.addFunction("fdim", 2, math2((a, b) -> a > b ? a - b : 0));
        root.addFunction("ldexp", 2, math2((a, b) -> a * Math.pow(2, b)));
        root.addFunction("scalb", 2, math2((a, b) -> a * Math.pow(2, b)));
        root.addFunction("remainder", 2, math2(Math::IEEEremainder));
        root.addFunction("drem", 2, math2(Math::IEEEremainder));
        root.addFunction("nextafter", 2, math2(Math::nextAfter));
    }

    static void install(Scope scope, ProcessContext ctx, JqRun run) {
        ObjectNode env = JsonNodeFactory.instance.objectNode();
        ctx.environment().forEach(env::put);
        scope.setValue("ENV", env);
        scope.addFunction("env", 0, simple(in -> env));
        scope.addFunction("now", 0, simple(in -> DoubleNode.valueOf(ctx.clock().millis() / 1000.0)));
        scope.addFunction("input_filename", 0, simple(in -> run.currentFile() == null ? NullNode.instance : TextNode.valueOf(run.currentFile())));
        scope.addFunction("input_line_number", 0, simple(in -> DoubleNode.valueOf(0)));
        scope.addFunction("input", 0, simple(in -> {
            JsonNode v = nextInput(run);
            if (v == null) throw new JsonQueryException("No more inputs");
            return v;
        }));
        scope.addFunction("inputs", 0, (sc, args, in, path, output, version) -> {
            JsonNode v;
            while ((v = nextInput(run)) != null) output.emit(v, null);
        });
        JqPrinter compact = new JqPrinter(0, false, false, false);
        scope.addFunction("debug", 0, simple(in -> {
            stderr(ctx, "[\"DEBUG:\"," + compact.print(in) + "]\n");
            return in;
        }));
        scope.addFunction("stderr", 0, simple(in -> {
            stderr(ctx, compact.print(in));
            return in;
        }));
        scope.addFunction("halt", 0, simple(in -> {
            throw new JqRun.Halt(0);
        }));
        scope.addFunction("halt_error", 0, (sc, args, in, path, output, version) -> haltError(ctx, in, 5));
        scope.addFunction("halt_error", 1, (sc, args, in, path, output, version) -> {
            int[] status = {5};
            args.get(0).apply(sc, in, code -> status[0] = code.asInt());
            haltError(ctx, in, status[0]);
        });
    }

    private static void haltError(ProcessContext ctx, JsonNode in, int status) throws JsonQueryException {
        stderr(ctx, in.isTextual() ? in.textValue() : new JqPrinter(0, false, false, false).print(in) + "\n");
        throw new JqRun.Halt(status);
    }

    private static JsonNode nextInput(JqRun run) throws JsonQueryException {
        try {
            return run.next();
        } catch (IOException e) {
            throw new JsonQueryException(e.getMessage());
        }
    }

    private static void stderr(ProcessContext ctx, String s) {
        try {
            Jq.write(ctx.stderr(), s);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
