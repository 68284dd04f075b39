package dev.agentos.commands.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** jq against the host's jq 1.6: options, output formatting, errors and exit statuses. */
class JqDiffTest {
    private static final String DOC = "{\"name\":\"agent\",\"n\":1.0,\"tags\":[\"a\",\"b\"],\"nested\":{\"z\":1,\"a\":[],\"m\":{}},"
            + "\"big\":1e1000,\"small\":0.00001,\"e17\":1e17,\"pi\":3.14159,\"neg\":-0,\"uni\":\"é\\u0001\\u007f😀\",\"t\":true,\"nil\":null}\n";

    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("jq")); }

    @AfterEach void close() { diff.close(); }

    @Test void prettyPrintsLikeJq16() {
        diff.assertSameWithStdin(DOC, "jq", ".");
        diff.assertSameWithStdin(DOC, "jq");
        diff.assertSameWithStdin(DOC, "jq", "-c", ".");
        diff.assertSameWithStdin(DOC, "jq", "-S", ".");
        diff.assertSameWithStdin(DOC, "jq", "-a", "-c", ".");
        diff.assertSameWithStdin(DOC, "jq", "--tab", ".");
        diff.assertSameWithStdin(DOC, "jq", "--indent", "1", ".");
        diff.assertSameWithStdin(DOC, "jq", "--indent", "0", ".");
        diff.assertSameWithStdin(DOC, "jq", "--indent", "7", ".nested");
        diff.assertSameWithStdin(DOC, "jq", "-cS", ".");
    }

    @Test void formatsNumbersAsJq16Does() {
        diff.assertSame("jq", "-n", "-c", "[1.0, 1.5, 100000, 1e15, 1e16, 1e17, 1e-4, 0.001, 1e-5, 123456789012, 3/2, 1/3, -0.5, 1e300, 2e-300, 0.1+0.2]");
        diff.assertSameWithStdin("12345678901234567890 [1e1000, -1e1000] 0.1e2\n", "jq", "-c", ".");
        diff.assertSame("jq", "-n", "-c", "[nan, infinite, -infinite]");
    }

    @Test void rawJoinAndAsciiOutput() {
        diff.assertSameWithStdin(DOC, "jq", "-r", ".name, .tags[], .n");
        diff.assertSameWithStdin(DOC, "jq", "-j", ".name, .tags[]");
        diff.assertSameWithStdin(DOC, "jq", "--raw-output", ".uni");
        diff.assertSameWithStdin(DOC, "jq", "-a", ".uni");
        diff.assertSame("jq", "-n", "-r", "\"a\\tb\"");
    }

    @Test void slurpNullInputAndRawInput() {
        diff.assertSameWithStdin("1 2\n3\n", "jq", "-s", "-c", ".");
        diff.assertSameWithStdin("1 2\n3\n", "jq", "-s", "add");
        diff.assertSameWithStdin("1 2\n3\n", "jq", "-n", "[inputs]", "-c");
        diff.assertSameWithStdin("1 2\n3\n", "jq", "-n", "input");
        diff.assertSameWithStdin("line one\nline two\n", "jq", "-R", ".");
        diff.assertSameWithStdin("line one\nline two\n", "jq", "-Rs", ".");
        diff.assertSameWithStdin("a,b\nc,d\n", "jq", "-R", "-c", "split(\",\")");
        diff.assertSame("jq", "-n", "1, 2 | . * 10");
    }

    @Test void namedArgumentsAndFiles() {
        diff.file("f.json", "[3,1]\n{\"k\":\"v\"}\n").file("raw.txt", "raw text\n");
        diff.assertSame("jq", "-n", "--arg", "x", "hello", "$x");
        diff.assertSame("jq", "-n", "--argjson", "x", "{\"a\":[1,2]}", "-c", "$x.a");
        diff.assertSame("jq", "-n", "-c", "--slurpfile", "a", "f.json", "$a");
        diff.assertSame("jq", "-n", "--rawfile", "a", "raw.txt", "$a");
        diff.assertSame("jq", "-n", "-c", "--arg", "x", "1", "--argjson", "y", "2", "$ARGS");
        diff.assertSame("jq", "-n", "-c", "$ARGS", "--args", "a", "b");
        diff.assertSame("jq", "-n", "-c", "$ARGS", "--jsonargs", "1", "{}");
        diff.assertSame("jq", "-c", ".", "f.json");
        diff.assertSame("jq", "-c", ".", "f.json", "f.json");
        diff.assertSame("jq", "-s", "-c", ".", "f.json", "f.json");
        diff.assertSame("jq", ".k?", "f.json");
        diff.file("prog.jq", ".[0] + 1\n");
        diff.file("one.json", "[41]\n");
        diff.assertSame("jq", "-f", "prog.jq", "one.json");
    }

    @Test void commonFilters() {
        String doc = "[{\"name\":\"a\",\"v\":3},{\"name\":\"b\",\"v\":1},{\"name\":\"c\",\"v\":2}]";
        for (String f : List.of("map(.v) | add", "sort_by(.v) | map(.name)", "map(select(.v > 1))", "length",
                "[.[] | {(.name): .v}] | add", "to_entries | map(.key)", "group_by(.v > 1) | length",
                "map(.name) | join(\"-\")", ".[0] | keys", "[.[] | .v] | max", "map(.v) | unique",
                "[paths] | length", "map(.name | ascii_upcase)", ".[1:]", "[.[] | .name | test(\"[ab]\")]",
                "reduce .[] as $x (0; . + $x.v)", "map(.v) | @csv", "[.[].name] | @tsv", "{a:1} | has(\"a\")",
                "[limit(2; .[])] | length", "first(.[]).name", "[range(5)]", "\"x\\(1+2)y\"", "@base64 \"\\(.[0].name)\"",
                "map(.v) | sort | reverse", ".[0] | to_entries", "[.[] | select(.name == \"b\")] | .[0].v",
                "tostream", "[tostream] | fromstream(.[])", "[1|truncate_stream([[0],1],[[1,0],2],[[1,0]],[[1]])]",
                "isempty(.[])", "[limit(3; repeat(1))]", ".[0].v | IN(1, 3)", "INDEX(.name) | keys", "[.[].v | ceil, trunc, fabs]",
                ".[0].name | [splits(\"a\")]", "env | type", "$ENV | type", "now | type", "input_filename",
                "[.[] | .v] | min_by(.)", "walk(if type == \"number\" then . + 1 else . end)", "ltrimstr(\"x\")",
                "map(.v) | indices(1)", ".[0] | del(.v)", "[.[] | .v] | any(. > 2)", "[.[] | .v] | all(. > 0)",
                "getpath([0, \"name\"])", "path(..) | length", "[leaf_paths] | length", "tojson", "tojson | fromjson | length",
                "[.[] | .v | tostring]", "[.[] | .v | . / 2 | floor]", "map(.v) | @json", "\"a b\" | @uri", "\"<&>\" | @html",
                "\"a'b\" | @sh", ".[0] | with_entries(.value |= tostring)", "[.[].v] | sort | .[length / 2 | floor]",
                "if length > 2 then \"many\" else \"few\" end", "try error(\"x\") catch .", "[.[] | .v // 0]",
                "label $out | foreach .[] as $i (0; . + $i.v; if . > 3 then ., break $out else . end)",
                ".. | numbers", "[.[] | .name] | index(\"b\")", "\"abc\" | sub(\"b\"; \"X\")", "\"abcb\" | gsub(\"b\"; \"X\")",
                "\"test 123\" | capture(\"(?<n>[0-9]+)\")", "[\"a\",\"b\"] | combinations | length")) {
            diff.assertSameWithStdin(doc, "jq", "-c", f);
        }
    }

    @Test void exitStatusWithDashE() {
        diff.assertSame("jq", "-n", "-e", "1, 2");
        diff.assertSame("jq", "-n", "-e", "null");
        diff.assertSame("jq", "-n", "-e", "false");
        diff.assertSame("jq", "-n", "-e", "empty");
        diff.assertSame("jq", "-n", "empty");
        diff.assertSame("jq", "-n", "null");
        diff.assertSameWithStdin("1\n{\"a\":1}\n", "jq", "-e", ".a");
        diff.assertSame("jq", "-n", "-e", "-r", "\"s\"");
    }

    @Test void runtimeErrorsCarryInputPositions() {
        diff.assertSameWithStdin("{\"a\":1}\n", "jq", ".a.b");
        diff.assertSameWithStdin("1\n2\n", "jq", ".a");
        diff.assertSameWithStdin("{\"a\":1}\n\n{\"a\":2}\n", "jq", ".a.b");
        diff.assertSameWithStdin("{\"a\":\n1}\n", "jq", ".a.b");
        diff.assertSameWithStdin("\"x\"", "jq", ".[0]");
        diff.assertSameWithStdin("1\n{\"a\":2}\n", "jq", ".a");
        diff.assertSameWithStdin("{\"a\":2}\n1\n", "jq", ".a");
        diff.assertSame("jq", "-n", "error(\"boom\")");
        diff.assertSame("jq", "-n", "{a:1} | error");
        diff.assertSameWithStdin("[1]", "jq", "error");
        diff.assertSame("jq", "-n", "[1] | .[\"a\"]");
        diff.assertSame("jq", "-n", "{} | .[0]");
        diff.assertSame("jq", "-n", "1 + \"a\"");
        diff.assertSame("jq", "-n", "{} - 1");
        diff.assertSame("jq", "-n", "[] | implode");
        diff.assertSame("jq", "-n", "{} | keys | .[0] | length");
        diff.assertSame("jq", "-n", "0 as $z | 1 / $z");
        diff.assertSame("jq", "-n", "\"a\" * {}");
        diff.assertSame("jq", "-n", "[1] - \"a\"");
        diff.assertSame("jq", "-n", "\"x\" as [$a] | $a");
        diff.assertSame("jq", "-n", "\"a\" | error");
    }

    @Test void inputAndUsageErrors() {
        diff.file("g.json", "1\n");
        diff.assertSame("jq", ".", "missing", "g.json");
        diff.assertSame("jq", ".", "g.json", "missing");
        diff.assertSame("jq", "-x", ".");
        diff.assertSame("jq", "--bogus", ".");
        diff.assertSame("jq", "-n", "--arg");
        diff.assertSame("jq", "-n", "$a", "--arg", "a");
        diff.assertSame("jq", "-n", "--argjson", "a", "{x", "$a");
        diff.assertSame("jq", "-n", "--slurpfile", "a", "nofile", "$a");
        diff.assertSame("jq", "-n", "--indent", "8", ".");
        var bad = List.of("{\n", "1 {", "[1,2\n", "{\"a\" 1}\n", "tru\n", "}\n");
        for (String b : bad) {
            var vm = diff.vm(b, List.of("jq", "-c", "."));
            var host = diff.host(b, List.of("jq", "-c", "."));
            assertThat(vm.exitCode()).as("exit for %s", b).isEqualTo(host.exitCode());
            assertThat(vm.stdout()).as("stdout for %s", b).isEqualTo(host.stdout());
            assertThat(vm.stderr()).as("stderr for %s", b).startsWith("parse error: ");
        }
        diff.assertSameWithStdin("{\n", "jq", ".");
        diff.assertSameWithStdin("[1,2\n", "jq", ".");
    }

    @Test void compileErrorsExitThree() {
        for (String f : List.of("1 +", "$x", ".[", "foo(1)")) {
            var vm = diff.vm("", List.of("jq", "-n", f));
            var host = diff.host("", List.of("jq", "-n", f));
            assertThat(vm.exitCode()).as("exit for %s", f).isEqualTo(host.exitCode()).isEqualTo(3);
            assertThat(vm.stderr()).as("stderr for %s", f).startsWith("jq: error").endsWith("jq: 1 compile error\n");
        }
    }

    @Test void debugAndStderrWriteToStandardError() {
        diff.assertSame("jq", "-n", "\"x\" | debug");
        diff.assertSame("jq", "-n", "-c", "{a:1} | debug | .a");
        diff.assertSame("jq", "-n", "\"bye\\n\" | halt_error(1)");
        diff.assertSame("jq", "-n", "1, 2 | halt");
    }
}
