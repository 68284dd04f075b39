package dev.agentos.commands.awk;

import static dev.agentos.commands.awk.AwkDiff.args;
import static dev.agentos.commands.awk.AwkDiff.c;
import static dev.agentos.commands.awk.AwkDiff.in;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Command line, input files, getline, redirections and errors against the host's gawk. */
class AwkIoDiffTest {
    private static CommandDiff diff;

    @BeforeAll static void setUp() {
        assumeTrue(CommandDiff.hostHas("gawk"));
        diff = new CommandDiff();
        diff.file("a", "a1\na2\n").file("b", "b1\nb2\nb3\n").file("prog.awk", "{ print FILENAME \": \" $0 }\n")
                .file("lib.awk", "function twice(x) { return 2 * x }\n").file("main.awk", "BEGIN { print twice(21) }\n")
                .file("csv", "name,qty\nnut,3\nbolt,5\n").dir("d")
                .file("div.awk", "BEGIN {\n  x = 1\n  y = 0\n  print x / y\n}\n");
    }

    @AfterAll static void tearDown() {
        if (diff != null) diff.close();
    }

    @TestFactory Stream<DynamicTest> commandLine() {
        return AwkDiff.all(diff,
                args("{ print FILENAME, FNR, NR, $0 }", "a", "b"),
                args("-v", "x=hello", "BEGIN { print x }"),
                args("-vx=1", "-v", "y=a\\tb", "BEGIN { print x + 1, y }"),
                args("-f", "prog.awk", "a"),
                args("-f", "lib.awk", "-f", "main.awk"),
                args("--", "{ print }", "a"),
                args("{ print v, $0 }", "v=1", "a", "v=2", "b"),
                args("END { print v }", "a", "v=last"),
                args("BEGIN { print ARGC; for (i = 0; i < ARGC; i++) print i, ARGV[i] }", "a", "x=1", "b"),
                args("BEGIN { ARGV[1] = \"b\" } { print }", "a"),
                args("BEGIN { ARGV[2] = \"b\"; ARGC = 3 } { print }", "a"),
                args("BEGIN { delete ARGV[1] } { print }", "a", "b"),
                args("-F,", "NR > 1 { s += $2 } END { print s }", "csv"),
                args("BEGIN { FS = \",\" } { print $1 }", "csv"),
                args("BEGIN { print ENVIRON[\"TZ\"], ENVIRON[\"LC_ALL\"] }"),
                args("{ print }", "-"),
                args("FNR == 1 { print FILENAME }", "a", "b", "a"),
                args("FNR == 2 { nextfile } { print FILENAME, $0 }", "a", "b"),
                args("BEGINFILE { print \"begin\", FILENAME } ENDFILE { print \"end\", FILENAME, FNR } { n++ } END { print n }", "a", "b"),
                args("END { print NR, FILENAME }", "a", "b"),
                args("{ print }", "d", "a"),
                args("--version"),
                in("stdin line\n", "{ print FILENAME \"|\" $0 }"),
                in("x\n", "{ print }", "a", "-"));
    }

    @TestFactory Stream<DynamicTest> getline() {
        return AwkDiff.all(diff,
                args("BEGIN { while ((getline line < \"b\") > 0) print \"got\", line; close(\"b\") }"),
                args("BEGIN { while ((getline < \"a\") > 0) print NF, $0, NR }"),
                args("BEGIN { print (getline line < \"missing\") }"),
                args("{ getline; print \"after getline:\", $0, NR }", "b"),
                args("{ getline x; print $0, \"/\", x, NR, FNR }", "b"),
                args("NR == 1 { while ((getline l) > 0) n++; print n, NR }", "b"),
                args("BEGIN { getline; print \"first:\", $0, NR }", "a"),
                args("BEGIN { getline x < \"a\"; getline y < \"a\"; print x, y; close(\"a\"); getline z < \"a\"; print z }"),
                args("BEGIN { \"echo hi there\" | getline; print $2, NR }"),
                args("BEGIN { \"echo piped\" | getline v; print v; print close(\"echo piped\") }"),
                args("BEGIN { while ((\"cat a\" | getline line) > 0) print \"L:\" line }"),
                args("BEGIN { r = getline < \"d\"; print r }"),
                in("1\n2\n3\n", "{ getline; print }"),
                in("1\n2\n3\n", "END { print (getline), $0 }"));
    }

    @TestFactory Stream<DynamicTest> outputRedirection() {
        return AwkDiff.all(diff,
                args("BEGIN { print \"x\" > \"out1\"; print \"y\" > \"out1\"; close(\"out1\"); while ((getline l < \"out1\") > 0) print \"read\", l }"),
                args("BEGIN { print \"1\" > \"out2\"; close(\"out2\"); print \"2\" >> \"out2\"; close(\"out2\"); while ((getline l < \"out2\") > 0) print l }"),
                args("{ print > ($0 \".copy\") } END { close(\"a1.copy\"); getline l < \"a1.copy\"; print l }", "a"),
                args("BEGIN { printf \"%s-%d\\n\", \"f\", 1 > \"out3\"; close(\"out3\"); getline l < \"out3\"; print l }"),
                args("BEGIN { print \"to cat\" | \"cat\"; close(\"cat\"); print \"after\" }"),
                args("BEGIN { print \"b\\na\\nc\" | \"cat\"; close(\"cat\") ; print \"done\" }"),
                args("BEGIN { print close(\"never\") }"),
                args("BEGIN { print \"err\" > \"/dev/stderr\"; print \"out\" }"),
                args("BEGIN { print \"x\" > \"d/../out4\"; close(\"d/../out4\"); getline l < \"out4\"; print l }"),
                args("BEGIN { print \"x\" > \"nodir/file\" }"),
                args("BEGIN { fflush(); printf \"a\"; fflush(\"/dev/stdout\"); print \"b\" }"),
                args("BEGIN { r = system(\"true\"); print r }"),
                args("BEGIN { r = system(\"false\"); print r }"),
                args("BEGIN { print \"before\"; system(\"echo during\"); print \"after\" }"));
    }

    @TestFactory Stream<DynamicTest> errorsAndExitStatus() {
        return AwkDiff.all(diff,
                c("BEGIN { print 1 +* 2 }"),
                c("BEGIN { print 1 +"),
                c("BEGIN { x = 0; print 1 / x }"),
                c("BEGIN { x = 0; print 1 % x }"),
                in("5\n", "{ print $1 / 0 }"),
                in("5\n", "{ x = 0; print $1 / x }"),
                in("5\n", "{ print $1 % 0 }"),
                c("BEGIN { exit 3 }"),
                c("BEGIN { exit -1 }"),
                c("BEGIN { exit 256 + 7 }"),
                args("{ print }", "missing"),
                args("-f", "nofile.awk"),
                args(),
                c("BEGIN { printf \"%d %d\\n\", 1 }"),
                c("function f(a) { a[1] = 1 } BEGIN { x = 1; f(x) }"),
                c("BEGIN { x[1] = 1; print x }"),
                c("BEGIN { f() }"),
                c("BEGIN { getline x < \"a\" \"\" ; print x }"),
                c("BEGIN { print length(\"x\" }"),
                c("BEGIN { if (1) }"),
                c("{ print $-1 }"),
                c("BEGIN { print substr(\"abc\") }"),
                args("-f", "div.awk"),
                c("BEGIN {\n  x = 1\n  print \"ok\"\n  print x / (x - 1)\n}"),
                c("BEGIN {\n  x = 1\n  print x % 0\n}"),
                in("1\n2\n", "{\n  n += $1\n}\nEND {\n  print n / (n - 3)\n}"),
                c("BEGIN { print log(-1) }\n"),
                args("--field-separator=,", "{ print $2 }", "csv"),
                args("--assign=v=7", "BEGIN { print v }"),
                args("--file=prog.awk", "a"),
                args("--source=BEGIN { print \"src\" }"),
                in("a b\n", "{ print $-1 }"),
                c("BEGIN { x = 4; y = 0; x /= y }"),
                c("BEGIN { x = 4; y = 0; x %= y }"),
                c("BEGIN { a[1] = 1; a = 2 }"),
                c("BEGIN { x = 1; x[1] = 2 }"),
                c("function f(x) { return x } BEGIN { f = 1 }"),
                c("BEGIN { print \"unterminated }"),
                c("BEGIN { print /unterminated }"),
                c("BEGIN { print \"a\" > }"),
                c("{ print $1 "),
                c("BEGIN { break }"),
                c("function f() { return } BEGIN { return }"),
                c("BEGIN { getline < }"),
                c("BEGIN { printf \"%z\\n\", 1 }"),
                c("BEGIN { x = \"[\"; if (\"a\" ~ x) print }"),
                c("BEGIN { NF = -1 }"),
                c("function f(a, a) { } BEGIN { }"),
                c("function f() { } function f() { } BEGIN { }"));
    }
}
