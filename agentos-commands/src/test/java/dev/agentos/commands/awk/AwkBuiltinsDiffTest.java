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

/** Built-in functions and regular expressions against the host's gawk. */
class AwkBuiltinsDiffTest {
    private static CommandDiff diff;

    @BeforeAll static void setUp() {
        assumeTrue(CommandDiff.hostHas("gawk"));
        diff = new CommandDiff();
    }

    @AfterAll static void tearDown() {
        if (diff != null) diff.close();
    }

    @TestFactory Stream<DynamicTest> subAndGsub() {
        return AwkDiff.all(diff,
                c("BEGIN { s = \"hello world\"; n = sub(/o/, \"0\", s); print n, s }"),
                c("BEGIN { s = \"hello world\"; n = gsub(/o/, \"0\", s); print n, s }"),
                c("BEGIN { s = \"abc\"; gsub(/x*/, \"-\", s); print s }"),
                c("BEGIN { s = \"abc\"; gsub(/b*/, \"-\", s); print s }"),
                c("BEGIN { s = \"hello\"; gsub(/l/, \"[&]\", s); print s }"),
                c("BEGIN { s = \"hello\"; gsub(/l/, \"\\\\&\", s); print s }"),
                c("BEGIN { s = \"a.b.c\"; gsub(\".\", \"-\", s); print s }"),
                c("BEGIN { s = \"a.b.c\"; gsub(/\\./, \"-\", s); print s }"),
                c("BEGIN { s = \"aaa\"; print gsub(/^a/, \"b\", s), s }"),
                c("BEGIN { s = \"foo bar\"; gsub(/[[:space:]]/, \"_\", s); print s }"),
                in("one two three\n", "{ gsub(/o/, \"0\"); print; print NF }"),
                in("one two three\n", "{ sub(/two/, \"2\", $2); print; print $0 }"),
                in("a b\n", "{ n = gsub(/z/, \"y\"); print n, $0 }"),
                c("BEGIN { s = \"Hello\"; gsub(/[A-Z]/, \"(&&)\", s); print s }"),
                c("BEGIN { s = \"path/to/file\"; gsub(\"/\", \"\\\\\", s); print s }"),
                c("BEGIN { s = \"x\"; sub(/x/, \"a\\\\\\\\b\", s); print s }"),
                c("BEGIN { s = \"aaa\"; n = gsub(/a/, \"bb\", s); print n, s }"),
                c("BEGIN { s = \"abcabc\"; sub(\"b\", \"B\", s); print s }"));
    }

    @TestFactory Stream<DynamicTest> gensubMatchSplit() {
        return AwkDiff.all(diff,
                c("BEGIN { print gensub(/(a)(b)/, \"<\\\\2\\\\1>\", \"g\", \"abab\") }"),
                c("BEGIN { print gensub(/o/, \"0\", 2, \"foo boo\") }"),
                c("BEGIN { s = \"keep\"; t = gensub(/e/, \"E\", \"g\", s); print s, t }"),
                c("BEGIN { print gensub(/x/, \"&&\", \"G\", \"axbx\") }"),
                in("hello world\n", "{ print gensub(/(\\w+) (\\w+)/, \"\\\\2 \\\\1\", 1) }"),
                c("BEGIN { print match(\"foobar\", /o+/), RSTART, RLENGTH }"),
                c("BEGIN { print match(\"foobar\", /z/), RSTART, RLENGTH }"),
                c("BEGIN { match(\"key=value\", /(.*)=(.*)/, m); print m[0], m[1], m[2], m[1, \"start\"], m[2, \"length\"] }"),
                c("BEGIN { if (match(\"abc123\", \"[0-9]+\")) print substr(\"abc123\", RSTART, RLENGTH) }"),
                c("BEGIN { n = split(\"a:b:c\", p, \":\"); print n, p[1], p[3] }"),
                c("BEGIN { n = split(\"  a  b  \", p); print n, \"[\" p[1] \"]\", \"[\" p[2] \"]\" }"),
                c("BEGIN { n = split(\"a1b22c\", p, /[0-9]+/); print n, p[1], p[2], p[3] }"),
                c("BEGIN { n = split(\"\", p); print n, length(p) }"),
                c("BEGIN { n = split(\"abc\", p, \"\"); print n, p[1], p[2], p[3] }"),
                c("BEGIN { n = split(\"a-b_c\", p, /[-_]/, s); print n, s[1], s[2] }"),
                c("BEGIN { n = split(\"a b\", p, \" \"); print n, p[2] }"),
                c("BEGIN { split(\"3 1 2\", p); x = p[1] + p[2]; print x, (p[1] > p[2]) }"),
                c("BEGIN { s = sprintf(\"%d items at %.2f\", 3, 9.5); print s }"),
                c("BEGIN { print sprintf(\"%s\", 0.1 + 0.2), sprintf(\"%d\", \"0x1A\"), strtonum(\"0x1A\"), strtonum(\"017\") }"),
                c("BEGIN { print and(12, 10), or(12, 10), xor(12, 10), lshift(1, 4), rshift(256, 2), compl(0) > 0 }"));
    }

    @TestFactory Stream<DynamicTest> regularExpressions() {
        return AwkDiff.all(diff,
                in("abc\nabd\nxyz\n", "/ab[cd]/"),
                in("a+b\naab\n", "/a\\+b/"),
                in("a+b\naab\n", "/a+b/"),
                in("foo123\nbar\n", "/[0-9]/"),
                in("foo123\nbar\n", "/^[[:alpha:]]+$/"),
                in("a]b\nab\n", "/[]]/"),
                in("a-b\nab\n", "/[a-]b/"),
                in("x^y\nxy\n", "/[\\^]/"),
                in("tab\there\nnone\n", "/\\t/"),
                in("aaa\naa\na\n", "/^a{2}$/"),
                in("aaa\naa\na\n", "/^a{2,}$/"),
                in("a{b\n", "/a{b/"),
                in("the cat\nconcat\n", "/\\<cat/"),
                in("the cat\nconcat\n", "/\\ycat\\y/"),
                in("the cat\ncats\n", "/cat\\>/"),
                in("A1\nb2\n", "/[[:upper:]][[:digit:]]/"),
                in("hello\nHELLO\n", "BEGIN { IGNORECASE = 1 } /hello/"),
                in("hello\nHELLO\n", "BEGIN { IGNORECASE = 1 } $0 ~ \"HeLLo\" { print NR }"),
                in("x.y\nxzy\n", "$0 ~ \"x\\\\.y\""),
                in("a/b\n", "/a\\/b/"),
                in("ab\nAB\n", "{ print ($0 ~ /^[a-z]+$/) }"),
                in("(x)\n", "/\\(x\\)/"),
                in("a|b\nab\n", "/a\\|b/"),
                in("ac\nabc\nabbc\n", "/ab?c/"),
                in("ac\nabc\nabbc\n", "/ab*c/"),
                in("foo\nbar\nbaz\n", "/fo|ba[rz]/"),
                in("word1 word2\n", "{ print gsub(/[[:alnum:]]+/, \"W\"), $0 }"),
                in("a.b\n", "{ re = \".\"; print gsub(re, \"x\") }"),
                in("*star\n", "/\\*/"),
                in("x\n", "{ r = \"^x$\"; if ($0 ~ r) print \"dynamic\" }"),
                c("BEGIN { print (\"abc\" ~ \"b\"), (\"abc\" ~ /^b/), \"abc\" ~ /c$/ }"),
                c("BEGIN { s = \"aXbXc\"; n = split(s, p, \"X\"); print n, p[2] }"),
                c("BEGIN { s = \"xyz\"; sub(/x|xy|xyz/, \"<&>\", s); print s }"),
                c("BEGIN { print match(\"abcd\", /b|bc|bcd/), RLENGTH }"),
                c("BEGIN { n = split(\"a--b-c\", p, /-|--/); print n, p[2] }"),
                c("BEGIN { s = \"aaa\"; gsub(/a|aa/, \"X\", s); print s }"),
                args("-v", "r=[", "BEGIN { if (\"a\" ~ r) print \"m\" }"),
                args("-v", "r=[a", "BEGIN { if (\"a\" ~ r) print \"m\" }"),
                args("-v", "r=a(", "BEGIN { if (\"a\" ~ r) print \"m\" }"),
                args("-v", "r=a)", "BEGIN { if (\"a)\" ~ r) print \"m\" }"),
                args("-v", "r=[[:foo:]]", "BEGIN { if (\"a\" ~ r) print \"m\" }"),
                args("-v", "r=a**", "BEGIN { if (\"aaa\" ~ r) print \"m\"; s = \"aaab\"; sub(r, \"X\", s); print s }"),
                args("-v", "r=a{1", "BEGIN { if (\"a{1\" ~ r) print \"m\" }"));
    }

    @TestFactory Stream<DynamicTest> timeFunctions() {
        return AwkDiff.all(diff,
                c("BEGIN { print strftime(\"%Y-%m-%d %H:%M:%S\", 0) }"),
                c("BEGIN { print strftime(\"%a %b %e %j %y %p %I %A %B\", 1700000000) }"),
                c("BEGIN { print strftime(\"%D %T %F %R %%\", 86400 * 365) }"),
                c("BEGIN { print strftime(\"%H\", 3600, 1) }"),
                c("BEGIN { print mktime(\"2024 01 15 12 30 00\") }"),
                c("BEGIN { print strftime(\"%Y\", mktime(\"1999 12 31 23 59 59\")) }"),
                c("BEGIN { t = systime(); print (t > 1600000000) }"),
                c("BEGIN { srand(1); x = rand(); print (x >= 0 && x < 1) }"),
                c("BEGIN { print srand(5), srand(7) }"),
                c("BEGIN { srand(3); a = rand(); srand(3); b = rand(); print (a == b), srand() }"),
                c("BEGIN { for (i = 0; i < 1000; i++) { r = rand(); if (r < 0 || r >= 1) bad++ } print bad + 0 }"));
    }
}
