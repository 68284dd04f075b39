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

/** The awk language against the host's gawk: expressions, statements, patterns, functions. */
class AwkLanguageDiffTest {
    private static CommandDiff diff;
    static final String NUMS = "1 2 3\n4 5 6\n7 8 9\n";
    static final String WORDS = "apple red 3\nbanana yellow 12\ncherry red 7\ndate brown 2\n";

    @BeforeAll static void setUp() {
        assumeTrue(CommandDiff.hostHas("gawk"));
        diff = new CommandDiff();
        diff.file("nums", NUMS).file("words", WORDS);
    }

    @AfterAll static void tearDown() {
        if (diff != null) diff.close();
    }

    @TestFactory Stream<DynamicTest> arithmeticAndNumberOutput() {
        return AwkDiff.all(diff,
                c("BEGIN { print 1+2, 7-10, 6*7, 7/2, 7%3, -7%3, 2^10, 2**3, 2^3^2, -2^2 }"),
                c("BEGIN { print 0.1+0.2, 1/3, 1e6, 1e16, 1e30, 123456789012, 2^53, 100000 * 100000 }"),
                c("BEGIN { x = 5; x += 2; x -= 1; x *= 3; x /= 4; x %= 4; x ^= 2; print x; x **= 2; print x }"),
                c("BEGIN { x = 1; print x++, x, ++x, x--, x, --x }"),
                c("BEGIN { print int(3.9), int(-3.9), int(\"42abc\"), sqrt(16), exp(0), log(1), sin(0), cos(0), atan2(0, -1) }"),
                c("BEGIN { print 1e300*1e300, -1e300*1e300, log(-1) }"),
                c("BEGIN { OFMT = \"%.2f\"; x = 3.14159; print x; print x \"\"; y = 10; print y }"),
                c("BEGIN { CONVFMT = \"%.2f\"; x = 3.14159; print (x \"\"); a[x] = 1; for (k in a) print k }"),
                c("BEGIN { print 3 \" \" 4, 3 4, 1 - 1 \"x\" }"),
                c("BEGIN { print -0, 0 * -1, 1 / 4, 100 / 3 }"),
                c("BEGIN { print 017, 0x1F, 1.5e3, .5 }"),
                c("BEGIN { x = \"3.0\"; y = x + 0; print y, x, (x == 3) }"),
                c("BEGIN { print length(12345), length(1/3), substr(123456, 2, 3) }"),
                c("BEGIN { print 2 ^ -1, 2 ^ 0.5, (-8) ^ (1/3) }"),
                c("BEGIN { print !0, !1, !\"\", !\"a\", - \"3x\", + \"4\" }"),
                c("BEGIN { print 1 < 2, 2 < 1, \"abc\" < \"abd\", \"10\" < \"9\", 10 < 9 }"),
                c("BEGIN { a = 1; b = 2; print (a < b) ? \"less\" : \"more\", a == 1 && b == 2, a == 2 || b == 2 }"),
                c("BEGIN { print 5 % 3.5, -5 % 3, 5.5 % -2 }"),
                c("BEGIN { x[1]; print length(x); print 1 in x, 2 in x }"));
    }

    @TestFactory Stream<DynamicTest> stringsAndEscapes() {
        return AwkDiff.all(diff,
                c("BEGIN { print \"a\\tb\\nc\\\\d\\\"e\\/f\" }"),
                c("BEGIN { print \"\\101\\x41\\x4a\\0\" \"z\" }"),
                c("BEGIN { print \"a\\qb\" }"),
                c("BEGIN { print length(\"hello\"), length(\"\"), length() }"),
                c("BEGIN { print index(\"foobar\", \"bar\"), index(\"foo\", \"x\"), index(\"\", \"\") }"),
                c("BEGIN { s = \"hello\"; print substr(s, 2), substr(s, 0, 2), substr(s, -1, 3), substr(s, 2, 100), substr(s, 10), \"|\" substr(s, 3, -1) \"|\" }"),
                c("BEGIN { print substr(\"hello\", 1.5, 2.5), substr(\"hello\", 2.5), substr(\"hello\", 1, 2.4) }"),
                c("BEGIN { print toupper(\"abc Def 1\"), tolower(\"ABC dEf 1\") }"),
                c("BEGIN { s = \"a\" \"b\" \"c\"; print s, s s }"),
                c("BEGIN { x = \"abc\"; print x > \"/dev/stdout\" }"),
                c("BEGIN { print \"x\" > \"/dev/stderr\" }"),
                c("BEGIN { printf \"%s-%s\\n\", \"a\", \"b\" }"));
    }

    @TestFactory Stream<DynamicTest> printfFormats() {
        return AwkDiff.all(diff,
                c("BEGIN { printf \"%d|%i|%5d|%-5d|%05d|%+d|% d|%.3d\\n\", 42, -42, 42, 42, 42, 42, 42, 7 }"),
                c("BEGIN { printf \"%o|%x|%X|%#o|%#x|%u|%c|%c|%c\\n\", 8, 255, 255, 8, 255, 42, 65, \"hello\", 256+66 }"),
                c("BEGIN { printf \"%f|%.2f|%10.3f|%-10.1f|%e|%.2E|%g|%G\\n\", 3.14159, 2.675, 3.14159, 2.5, 12345.678, 0.000123, 0.0001, 1e-10 }"),
                c("BEGIN { printf \"%.2f %.2f %.2f %.0f %.0f %.0f\\n\", 0.125, 0.375, 1.005, 0.5, 1.5, 2.5 }"),
                c("BEGIN { printf \"%g %g %g %g %g %g\\n\", 100000, 1000000, 123456789, 0.00001234, 1.5, 100 }"),
                c("BEGIN { printf \"%#g %#.3g %.3g %.10g\\n\", 1, 1, 1234567, 1/3 }"),
                c("BEGIN { printf \"%s|%10s|%-10s|%.2s|%*d|%-*d|%.*f\\n\", \"abc\", \"abc\", \"abc\", \"abc\", 5, 42, 5, 42, 2, 3.14159 }"),
                c("BEGIN { printf \"%5%|%%|%d%%\\n\", 50 }"),
                c("BEGIN { printf \"%d %d %d\\n\", \"12abc\", 3.99, -3.99 }"),
                c("BEGIN { printf \"%d %x\\n\", 2^53, -1 }"),
                c("BEGIN { printf \"%s %s\\n\", 1e6, 0.1 }"),
                c("BEGIN { printf \"%5.1e|%-12e|%+.3e\\n\", 123.456, 1, -0.001 }"),
                c("BEGIN { printf \"no newline\" }"),
                c("BEGIN { printf(\"%s and %s\\n\", \"paren\", \"form\") }"),
                c("BEGIN { x = sprintf(\"%03d-%s\", 7, \"x\"); print x, length(x) }"),
                c("BEGIN { printf \"%c%c%c\\n\", 72, 105, 33 }"),
                c("BEGIN { printf \"%i\\n\" }"));
    }

    @TestFactory Stream<DynamicTest> fieldsAndRecords() {
        return AwkDiff.all(diff,
                in(NUMS, "{ print $2 }"),
                in(NUMS, "{ print $NF, NF }"),
                in(NUMS, "{ print $(NF-1) }"),
                in("  a   b  \tc  \n", "{ print NF; print $1 \"|\" $3 }"),
                in(NUMS, "{ $2 = \"X\"; print; print NF }"),
                in(NUMS, "{ $5 = \"Y\"; print; print NF }"),
                in(NUMS, "{ NF = 2; print }"),
                in(NUMS, "{ NF = 5; print; print NF }"),
                in("a b c\n", "{ $0 = \"x y\"; print NF, $2 }"),
                in("a b c\n", "BEGIN { OFS = \"-\" } { $1 = $1; print }"),
                in("a b c\n", "BEGIN { OFS = \"-\" } { print; print $1, $2 }"),
                in(NUMS, "{ print $0 }"),
                in(NUMS, "{ s = 0; for (i = 1; i <= NF; i++) s += $i; print s }"),
                in("x\n", "{ print $3 == \"\", length($3), NF }"),
                in(NUMS, "{ print NR, FNR }"),
                in(NUMS, "END { print NR, $0 }"),
                in("a:b:c\n", "-F:", "{ print $2 }"),
                in("a:b:c\n", "-F", ":", "{ print $2, NF }"),
                in("a\tb c\td\n", "-F\\t", "{ print $2 }"),
                in("a\tb c\td\n", "-Ft", "{ print $2 }"),
                in("a1b22c333d\n", "-F[0-9]+", "{ print $1, $2, $3, $4, NF }"),
                in("a,b;c\n", "BEGIN { FS = \"[,;]\" } { print $3 }"),
                in("a|b|c\n", "-F|", "{ print $2 }"),
                in("a.b.c\n", "-F.", "{ print $2 }"),
                in(":a::b:\n", "-F:", "{ print NF; for (i = 1; i <= NF; i++) print i, \"[\" $i \"]\" }"),
                in("abc\n", "BEGIN { FS = \"\" } { print NF, $2 }"),
                in("a b\nc d\n", "{ FS = \":\" } { print $1 }"),
                in("one two\n", "{ $3 = \"\"; print; print NF }"),
                in("3 4\n", "{ $1 += 10; $2++; print }"),
                in("a b c d\n", "{ $2 = \"\"; NF = 3; print }"),
                in("  lead\n", "{ print NF, $1 }"),
                in("5 apples\n", "{ if ($1 > 3) print \"many\"; else print \"few\" }"),
                in("10 9\n", "{ print ($1 > $2) }"),
                in("abc 9\n", "{ print ($1 > $2) }"),
                in("1e3 1000\n", "{ print ($1 == $2) }"),
                in(" +5 5\n", "{ print ($1 == $2) }"),
                in("0x10 16\n", "{ print ($1 == $2), $1 + 0 }"));
    }

    @TestFactory Stream<DynamicTest> recordSeparators() {
        return AwkDiff.all(diff,
                in("a,b,c", "BEGIN { RS = \",\" } { print NR \": \" $0 }"),
                in("p1 l1\np1 l2\n\n\n\np2 l1\n\n", "BEGIN { RS = \"\" } { print NR \": \" $1 \"|\" $NF \"|\" NF }"),
                in("\n\nfirst\nsecond\n\nthird\n", "BEGIN { RS = \"\" } { print NR \": [\" $0 \"]\" }"),
                in("a:b\nc:d\n\ne:f\n", "BEGIN { RS = \"\"; FS = \":\" } { print NF; for (i = 1; i <= NF; i++) print \"  \" $i }"),
                in("a1b22c333d", "BEGIN { RS = \"[0-9]+\" } { print $0, RT }"),
                in("oneENDtwoENDthree\n", "BEGIN { RS = \"END\" } { print NR, $0 }"),
                in("a b\nc d\n", "BEGIN { ORS = \"|\" } { print $1 } END { printf \"\\n\" }"),
                in("a b\nc d\n", "BEGIN { OFS = \"-\"; ORS = \"\\n\\n\" } { print $1, $2 }"),
                in("no newline at end", "{ print NR \": \" $0 }"),
                in("x\n\ny\n", "{ print NR \": \" $0 \"|\" NF }"),
                in("a\nb\n", "BEGIN { RS = \"\\n\" } END { print NR }"));
    }

    @TestFactory Stream<DynamicTest> patternsAndRanges() {
        return AwkDiff.all(diff,
                in(WORDS, "/red/"),
                in(WORDS, "!/red/"),
                in(WORDS, "$3 > 5"),
                in(WORDS, "$2 == \"red\" { print $1 }"),
                in(WORDS, "/banana/,/cherry/"),
                in(WORDS, "/apple/,/apple/ { print \"r\", $1 }"),
                in(WORDS, "NR == 2, NR == 3 { print NR }"),
                in(WORDS, "/^[ab]/ && $3 > 5"),
                in(WORDS, "$1 ~ /an/ || $1 ~ /^d/"),
                in(WORDS, "$1 !~ /a/"),
                in(WORDS, "NR % 2"),
                in(WORDS, "length($1) > 5"),
                in(WORDS, "END { print $1 }"),
                in(WORDS, "BEGIN { print \"start\" } END { print \"end\", NR }"),
                in(WORDS, "BEGIN { n = 0 } /red/ { n++ } END { print n }"),
                in(WORDS, "{ print } { print \"again\" }"),
                in(WORDS, "/apple/ { next } { print $1 }"),
                in(WORDS, "NR == 2 { exit } { print }"),
                in(WORDS, "{ print; exit 3 } END { print \"end ran\" }"),
                in(WORDS, "BEGIN { exit 1 } END { print \"end after begin exit\" }"),
                in(WORDS, "END { exit 4 } END { print \"not reached\" }"),
                in(WORDS, "BEGIN { exit } { print \"no\" }"),
                in(WORDS, "$0"),
                in("0\n1\n\n00\n0.0\nx\n", "$0 { print \"true:\" $0 }"),
                in("0\n1\n\n00\n0.0\nx\n", "$1"));
    }

    @TestFactory Stream<DynamicTest> controlFlow() {
        return AwkDiff.all(diff,
                c("BEGIN { for (i = 0; i < 3; i++) print i }"),
                c("BEGIN { i = 0; while (i < 3) { print i; i++ } }"),
                c("BEGIN { i = 5; do { print i; i++ } while (i < 3) }"),
                c("BEGIN { for (i = 0; i < 10; i++) { if (i == 2) continue; if (i == 5) break; print i } }"),
                c("BEGIN { i = 0; while (1) { if (++i > 3) break }; print i }"),
                c("BEGIN { for (;;) { n++; if (n == 4) break } print n }"),
                c("BEGIN { if (1) print \"a\"; else print \"b\" }"),
                c("BEGIN { if (0) print \"a\"\n else print \"b\" }"),
                c("BEGIN { if (0) { print \"a\" } else if (1) { print \"b\" } else { print \"c\" } }"),
                c("BEGIN {\n  x = 1\n  if (x)\n    print \"yes\"\n  else\n    print \"no\"\n}"),
                c("BEGIN { x = 1; y = 2\n print x +\n y }"),
                c("BEGIN { print 1,\n 2 }"),
                c("BEGIN { a = 1 &&\n 0; print a }"),
                c("# comment\nBEGIN { print \"c\" } # trailing\n"),
                c("BEGIN { print \\\n \"continued\" }"),
                c("BEGIN { for (i = 0; i < 2; i++) for (j = 0; j < 2; j++) print i, j }"),
                c("BEGIN { ; ; print \"semis\" ; ; }"),
                c("BEGIN { while (i < 3) i++; print i }"),
                c("BEGIN { x = 3; while (x --> 0) print x }"),
                c("function f(n) { if (n <= 1) return 1; return n * f(n - 1) } BEGIN { print f(10) }"),
                c("function fib(n) { return n < 2 ? n : fib(n-1) + fib(n-2) } BEGIN { print fib(20) }"),
                c("function g(a, b,   tmp) { tmp = a; a = b; b = tmp; return a b } BEGIN { print g(1, 2); print tmp \"|\" }"),
                c("function fill(arr, n) { for (i = 1; i <= n; i++) arr[i] = i * i } BEGIN { fill(sq, 4); for (i = 1; i <= 4; i++) printf \"%d \", sq[i]; print \"\" }"),
                c("function noret() { x = 1 } BEGIN { v = noret(); print \"[\" v \"]\", x }"),
                c("function f(a) { a[\"k\"] = \"v\" } BEGIN { f(arr); print arr[\"k\"] }"),
                c("function outer(a) { inner(a) } function inner(b) { b[1] = \"deep\" } BEGIN { outer(x); print x[1] }"),
                c("function f(x) { x = 5 } BEGIN { y = 1; f(y); print y }"),
                c("function r(n) { if (n > 0) { print n; r(n - 1) } } BEGIN { r(3) }"),
                c("func short() { return \"func keyword\" } BEGIN { print short() }"),
                in("a\nb\nc\n", "function skip() { next } NR == 2 { skip() } { print }"),
                in("a\nb\n", "function quit() { exit 7 } { quit() } END { print \"end\" }"),
                c("BEGIN { switch_ = 1; print switch_ }"),
                in("a\nb\n", "function stop() { exit 4 } stop() { print \"no\" } END { print \"end\", NR }"),
                in("a\nb\nc\n", "function skip() { next } NR == 2 && skip() { print \"no\" } { print }"),
                c("function deep(n) { return n == 0 ? 0 : 1 + deep(n - 1) } BEGIN { print deep(2000) }"));
    }

    @TestFactory Stream<DynamicTest> arrays() {
        return AwkDiff.all(diff,
                c("BEGIN { a[\"x\"] = 1; a[\"y\"] = 2; print a[\"x\"] + a[\"y\"], length(a) }"),
                c("BEGIN { a[1,2] = 3; for (k in a) { split(k, p, SUBSEP); print p[1], p[2] }; print ((1,2) in a), ((2,1) in a) }"),
                c("BEGIN { SUBSEP = \":\"; a[1,2] = 3; for (k in a) print k }"),
                c("BEGIN { a[1]; a[2]; delete a[1]; print length(a), (1 in a), (2 in a) }"),
                c("BEGIN { a[1]; a[2]; delete a; print length(a) }"),
                c("BEGIN { if (\"x\" in a) print \"yes\"; else print \"no\"; print length(a) }"),
                c("BEGIN { x = a[\"new\"]; print length(a) }"),
                c("BEGIN { a[01] = \"one\"; print a[1], a[\"1\"], a[\"01\"] \"|\" }"),
                c("BEGIN { a[0.1+0.2] = 1; for (k in a) print k }"),
                c("BEGIN { n = split(\"a b c\", arr); for (i = n; i > 0; i--) print i, arr[i] }"),
                c("BEGIN { PROCINFO[\"sorted_in\"] = \"@ind_str_asc\"; a[\"b\"]; a[\"a\"]; a[\"c\"]; for (k in a) print k }"),
                c("BEGIN { PROCINFO[\"sorted_in\"] = \"@ind_num_desc\"; a[10]; a[9]; a[100]; for (k in a) print k }"),
                c("BEGIN { PROCINFO[\"sorted_in\"] = \"@val_num_asc\"; a[\"x\"] = 3; a[\"y\"] = 1; a[\"z\"] = 2; for (k in a) print k, a[k] }"),
                c("BEGIN { PROCINFO[\"sorted_in\"] = \"@val_str_desc\"; a[1] = \"b\"; a[2] = \"c\"; a[3] = \"a\"; for (k in a) print k, a[k] }"),
                c("BEGIN { PROCINFO[\"sorted_in\"] = \"@ind_num_asc\"; for (i = 10; i >= 1; i--) a[i] = i; for (k in a) printf \"%s \", k; print \"\" }"),
                c("BEGIN { a[3] = \"c\"; a[1] = \"a\"; a[2] = \"b\"; n = asort(a); for (i = 1; i <= n; i++) print i, a[i] }"),
                c("BEGIN { a[\"z\"] = 1; a[\"x\"] = 2; a[\"y\"] = 3; n = asorti(a, b); for (i = 1; i <= n; i++) print b[i] }"),
                c("BEGIN { a[1] = 10; a[2] = 9; a[3] = \"x\"; n = asort(a, b); for (i = 1; i <= n; i++) print b[i] }"),
                in(WORDS, "{ count[$2]++ } END { PROCINFO[\"sorted_in\"] = \"@ind_str_asc\"; for (c in count) print c, count[c] }"),
                in(WORDS, "{ sum[$2] += $3 } END { PROCINFO[\"sorted_in\"] = \"@val_num_desc\"; for (c in sum) print c, sum[c] }"),
                c("BEGIN { a[\"x\"] = 1; delete a[\"x\"]; a[\"y\"] = 2; for (k in a) print k }"),
                c("BEGIN { a[1] = 1; x = length(a); print x, isarray(a), isarray(x) }"));
    }

    @TestFactory Stream<DynamicTest> uninitialisedAndComparisons() {
        return AwkDiff.all(diff,
                c("BEGIN { print x + 0, \"[\" x \"]\", length(x), (x == 0), (x == \"\") }"),
                c("BEGIN { if (!x) print \"falsy\"; x = \"0\"; if (x) print \"string 0 is true\" }"),
                c("BEGIN { x = 0; if (!x) print \"number 0 is false\" }"),
                in("0\n", "{ if ($1) print \"yes\"; else print \"no\" }"),
                in("0.0\n", "{ if ($1) print \"yes\"; else print \"no\" }"),
                in(" 0 \n", "{ if ($0) print \"yes\"; else print \"no\" }"),
                in("a\n", "{ if ($1) print \"yes\"; else print \"no\" }"),
                c("BEGIN { print (\"a\" < \"b\"), (\"B\" < \"a\"), (2 < 10), (\"2\" < \"10\"), (\"abc\" == \"abc\") }"),
                in("2 10\n", "{ print ($1 < $2), ($1 \"\" < $2 \"\"), ($1 < \"10\") }"),
                c("BEGIN { x = \"10\"; y = 9; print (x < y), (x + 0 < y) }"),
                c("BEGIN { print typeof(x), typeof(1), typeof(\"s\"); x = 1; print typeof(x) }"),
                in("5\n", "{ print typeof($1), typeof($0) }"),
                c("BEGIN { a = \"x\"; b = a++; print a, b }"),
                c("BEGIN { print 1 == 1.0, \"1\" == 1, \"1.0\" == 1 }"),
                args("-v", "x=10", "BEGIN { print (x < 9), typeof(x) }"),
                c("BEGIN { print length(a), length(b c) }"));
    }
}
