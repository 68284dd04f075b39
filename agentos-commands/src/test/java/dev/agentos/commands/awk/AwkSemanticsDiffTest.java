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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Grammar corners, number formatting, array order and gawk extensions against the host's gawk. */
class AwkSemanticsDiffTest {
    private static CommandDiff diff;

    @BeforeAll static void setUp() {
        assumeTrue(CommandDiff.hostHas("gawk"));
        diff = new CommandDiff();
        diff.file("f1", "x\ny\n").file("f2", "z\n")
                .file("passwd", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nme:x:1000:1000:Me,,,:/home/me:/bin/zsh\n")
                .file("keys", "b\nd\n").file("data", "a 1\nb 2\nc 3\nd 4\nb 5\n").file("crlf", "one\r\ntwo\r\n");
    }

    @AfterAll static void tearDown() {
        if (diff != null) diff.close();
    }

    @TestFactory Stream<DynamicTest> grammarCorners() {
        return AwkDiff.all(diff,
                c("BEGIN { print 1 \" \" -1 }"),
                c("BEGIN { print \"a\" \"b\" == \"ab\" }"),
                c("BEGIN { x = y = 3; print x y }"),
                c("BEGIN { x = 1; y = x++ + ++x; print x, y }"),
                c("BEGIN { print 1>2; close(\"2\"); getline v < \"2\"; print \"file 2 has\", v }"),
                c("BEGIN { print (1>2), (2>1) }"),
                c("BEGIN { print 1, 2 > \"/dev/stdout\" }"),
                c("BEGIN { print(1)(2) }"),
                c("BEGIN { print (1,2) }"),
                c("BEGIN { a[\"x\"]++; a[\"x\"] += 2; print a[\"x\"] }"),
                c("BEGIN { n = split(\"a b c\", arr); print n in arr, (n+1) in arr }"),
                c("BEGIN { a[1,\"x\"] = 5; if ((1,\"x\") in a) print \"multi in\" }"),
                c("BEGIN { x = 2; x ^= 3; x **= 2; print x }"),
                c("BEGIN { print 2 ^ 3 ^ 2, (2 ^ 3) ^ 2, -3 ^ 2, 2 ^ -2 }"),
                c("BEGIN { print 10 - 2 - 3, 100 / 10 / 5, 2 * 3 % 4 }"),
                c("BEGIN { print 1 < 2 ? \"y\" : \"n\", 0 ? 1 : 0 ? 2 : 3 }"),
                c("BEGIN { r = /x/; print r }"),
                in("x\ny\n", "{ r = /x/; print r }"),
                c("BEGIN { $0 = \"a b c\"; print NF; $5 = \"e\"; print; print NF }"),
                c("BEGIN { $0 = \"a b c\"; NF = 0; print \"[\" $0 \"]\" }"),
                c("BEGIN { $3 = \"x\"; print; print NF }"),
                in("1 2 3\n", "{ $NF++; print; $(1)--; print }"),
                in("1 2 3\n", "{ i = 1; print $i++, i, $i }"),
                in("a b c\n", "{ print $NF $1 }"),
                in("a b c\n", "{ print $ NF }"),
                c("BEGIN { print length }"),
                in("abcd\n", "{ print length, length($0), length $0 }"),
                c("BEGIN { print substr(\"hello\", 2) substr(\"x\", 1) }"),
                c("BEGIN { if (!(3 in a)) print \"not in\"; print length(a) }"),
                c("BEGIN { printf \"%s %s %s\\n\", \"a\", \"b\", \"c\" > \"/dev/stdout\" }"),
                c("BEGIN { print > \"/dev/stdout\" }"),
                c("BEGIN{x=1;if(x==1){print \"tight\"}else{print \"no\"}}"),
                c("BEGIN { a = \"A\"; b = \"B\"; print a\"\"b, a \"-\" b }"),
                c("BEGIN { print 1==1, 1!=1, 2>=2, 2<=1 }"),
                c("BEGIN { print !x++, !x++, x }"),
                c("BEGIN { print - - 3, - + - 2, !!5 }"),
                c("BEGIN { x = \"5\"; print x * 2, x x, -x }"),
                c("BEGIN { print index(\"a.b\", \".\"), \"a\" > \"/dev/stdout\" }"),
                c("BEGIN {\n  for (i = 0;\n       i < 2;\n       i++)\n    print i\n}"),
                c("BEGIN { print \"x\" ; }\n\nEND { }\n"),
                c("function f(a,\n  b) { return a + b }\nBEGIN { print f(1,\n 2) }"),
                c("BEGIN { do x++; while (x < 5); print x }"),
                c("BEGIN { while (0); print \"empty while\" }"),
                c("BEGIN { for (k in a); print \"empty for-in\" }"),
                c("BEGIN { getline; print \"got\", $0 }"),
                c("BEGIN { next }"),
                c("END { next }"),
                c("BEGIN { if (1) print \"a\"; else\n print \"b\" }"),
                c("BEGIN { i = 1; a[i++]++; a[i++] += 5; print i, a[1], a[2] }"),
                in("1 2 3\n", "{ i = 1; $(i++) += 10; print i, $0 }"),
                c("BEGIN { x[\"k\"] += 0; print length(x) }"),
                in("65 66\n", "{ printf \"%c%c%c\\n\", $1, $2, \"67\" }"));
    }

    @TestFactory Stream<DynamicTest> numberFormatting() {
        return AwkDiff.all(diff,
                c("BEGIN { print 2^63, 2^64, -2^63, 2^53 + 1 }"),
                c("BEGIN { print 1e-5, 123456.7, 1234567.8, 0.000001 }"),
                c("BEGIN { print 3.0, 3.10, \"3.10\", \"3.10\" + 0 }"),
                c("BEGIN { x = 0.1; y = x * 3; print y, y == 0.3 }"),
                c("BEGIN { printf \"%d %d %d\\n\", 2^31, -2^31 - 1, 2^62 }"),
                c("BEGIN { printf \"%.15g %.17g\\n\", 0.1, 0.1 }"),
                c("BEGIN { printf \"%e %g\\n\", 0, 0 }"),
                c("BEGIN { printf \"%5.3s|%.0s|%-3c|\\n\", \"abcdef\", \"xyz\", \"q\" }"),
                c("BEGIN { printf \"%+5d|%-+5d|% 05d|%x|%o\\n\", 3, 3, 3, 3.9, 9.9 }"),
                c("BEGIN { OFMT = \"%.3g\"; print 3.14159, 42, 1e6 + 0.5 }"),
                c("BEGIN { CONVFMT = \"%d\"; a = 3.9; b = a \"\"; print b }"),
                c("BEGIN { print 1e3 \"\", 1e-3 \"\", 100 \"\" }"),
                c("BEGIN { print length(1e10), length(0.5) }"),
                in("007 1.50 +3 -0 .5\n", "{ print $1 + 0, $2 + 0, $3 + 0, $4 + 0, $5 + 0; print $1, $2 }"),
                in("1e2 inf nan 0x11\n", "{ print $1 * 1, $2 * 1, $4 * 1 }"),
                in("+inf -nan\n", "{ print $1 + 0, $2 + 0 }"));
    }

    @TestFactory Stream<DynamicTest> arrayOrder() {
        return AwkDiff.all(diff,
                c("BEGIN { split(\"e d c b a\", a); for (k in a) printf \"%s=%s \", k, a[k]; print \"\" }"),
                c("BEGIN { c[10]; c[5]; c[7]; c[100]; c[0]; for (k in c) printf \"%s \", k; print \"\" }"),
                c("BEGIN { d[1]; d[\"b\"]; d[2]; for (k in d) if (k ~ /^[0-9]+$/) printf \"%s \", k; print \"\" }"),
                c("BEGIN { for (i = 20; i >= 1; i--) e[i] = i; for (k in e) printf \"%s \", k; print \"\" }"),
                c("BEGIN { x[\"only\"] = 1; for (k in x) print k, x[k] }"),
                c("BEGIN { a[1]; a[2]; a[3]; for (k in a) delete a[k]; print length(a) }"),
                c("BEGIN { PROCINFO[\"sorted_in\"] = \"@ind_str_desc\"; a[\"a\"]; a[\"c\"]; a[\"b\"]; for (k in a) print k }"),
                c("BEGIN { PROCINFO[\"sorted_in\"] = \"@val_type_asc\"; a[1] = \"x\"; a[2] = 5; a[3] = 1; for (k in a) print k, a[k] }"),
                c("BEGIN { a[2] = 1; a[1] = 1; PROCINFO[\"sorted_in\"] = \"@val_num_asc\"; for (k in a) print k }"));
    }

    @TestFactory Stream<DynamicTest> gawkExtensions() {
        return AwkDiff.all(diff,
                c("BEGIN { IGNORECASE = 1; print (\"ABC\" == \"abc\"), index(\"ABC\", \"b\"), (\"ABC\" ~ /b/) }"),
                c("BEGIN { IGNORECASE = 1; s = \"Hello\"; gsub(/L/, \"_\", s); print s; print split(\"aXbxc\", p, \"x\") }"),
                in("a:b\n", "BEGIN { IGNORECASE = 1; FS = \"B\" } { print $1 }"),
                c("BEGIN { print length(ENVIRON) > 0, (\"TZ\" in ENVIRON) }"),
                c("BEGIN { print PROCINFO[\"version\"] != \"\" }"),
                args("BEGINFILE { print \"> \" FILENAME } { print } ENDFILE { print \"< \" FILENAME, FNR }", "f1", "f2"),
                args("ENDFILE { print FILENAME, NR }", "f1", "f2"),
                args("BEGINFILE { if (FILENAME == \"f1\") nextfile } { print FILENAME, $0 }", "f1", "f2"),
                c("BEGIN { print typeof(a), typeof(a[1]) }"),
                c("BEGIN { a[1] = 2; print typeof(a), isarray(a) }"),
                c("BEGIN { print strtonum(\"0x10\") + strtonum(\"010\") + strtonum(\"10\") }"),
                c("BEGIN { print toupper(substr(\"hello\", 1, 1)) substr(\"hello\", 2) }"),
                c("BEGIN { s = gensub(/([0-9]+)-([0-9]+)/, \"\\\\2-\\\\1\", \"g\", \"1-2 3-4\"); print s }"),
                c("BEGIN { print gensub(/b/, \"[&]\", \"g\", \"abcb\"), gensub(/b/, \"\\\\\\\\&\", 1, \"abc\") }"),
                args("-e", "BEGIN { print \"from -e\" }"),
                args("-e", "BEGIN { x = 1 }", "-e", "BEGIN { print x + 1 }"),
                in("a,\"b,c\",,d\n", "BEGIN { FPAT = \"([^,]*)|(\\\"[^\\\"]+\\\")\" } { print NF; for (i = 1; i <= NF; i++) print i, $i }"),
                in("abcdefghij\n", "BEGIN { FIELDWIDTHS = \"2 3 *\" } { print NF, $1 \"|\" $2 \"|\" $3 }"),
                in("abcdefghij\n", "BEGIN { FIELDWIDTHS = \"2 3\" } { print NF, $2; FS = \" \" } END { print NF }"),
                c("function cmp(i1, v1, i2, v2) { return v1 < v2 ? -1 : v1 > v2 } BEGIN { a[\"x\"] = 3; a[\"y\"] = 1; a[\"z\"] = 2; PROCINFO[\"sorted_in\"] = \"cmp\"; for (k in a) print k }"),
                c("BEGIN { a[\"x\"] = 3; a[\"y\"] = 1; a[\"z\"] = 2; n = asort(a, b, \"@val_num_desc\"); print n, b[1], b[3]; n = asorti(a, c, \"@ind_str_desc\"); print c[1] }"));
    }

    @TestFactory Stream<DynamicTest> commonIdioms() {
        return AwkDiff.all(diff,
                args("-F:", "{ print $1 }", "passwd"),
                args("-F:", "$3 >= 1000 { print $1, $6 }", "passwd"),
                args("-F:", "-v", "OFS=|", "{ $1 = $1 } 1", "passwd"),
                args("NR == FNR { k[$1]; next } $1 in k", "keys", "data"),
                args("!seen[$1]++", "data"),
                args("{ $1 = \"\"; print substr($0, 2) }", "data"),
                args("{ a[NR] = $0 } END { for (i = NR; i > 0; i--) print a[i] }", "data"),
                args("{ s[$1] += $2 } END { PROCINFO[\"sorted_in\"] = \"@ind_str_asc\"; for (k in s) print k, s[k] }", "data"),
                args("{ printf \"%-5s|%5.2f\\n\", $1, $2 }", "data"),
                args("{ gsub(/\\r/, \"\") } 1", "crlf"),
                args("{ sub(/\\r$/, \"\"); print length($0) }", "crlf"),
                args("END { print NR }", "data"),
                args("NR % 2 == 0", "data"),
                args("{ print $NF }", "data"),
                args("BEGIN { OFS = \"\\t\" } { $1 = $1 } 1", "data"),
                args("{ n = split($0, c, \"\"); for (i = n; i; i--) printf \"%s\", c[i]; print \"\" }", "data"),
                args("{ max = ($2 > max ? $2 : max) } END { print max }", "data"),
                args("length > 3", "passwd"),
                args("/b/ { c++ } END { print c + 0 }", "data"),
                args("{ print toupper(substr($1, 1, 1)) substr($1, 2) }", "passwd"),
                args("-F:", "{ users = users (NR > 1 ? \",\" : \"\") $1 } END { print users }", "passwd"),
                args("{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }", "data"),
                args("BEGIN { while ((getline l < \"keys\") > 0) k[l] = 1 } ($1 in k) { print \"hit\", $0 }", "data"));
    }

    @Test void inplaceEditRewritesEachFile() {
        diff.file("ip1", "one\ntwo\n").file("ip2", "three\n");
        diff.assertSame("gawk", "-i", "inplace", "{ print NR \": \" toupper($0) }", "ip1", "ip2");
        diff.assertSame("gawk", "{ print FILENAME, $0 }", "ip1", "ip2");
    }
}
