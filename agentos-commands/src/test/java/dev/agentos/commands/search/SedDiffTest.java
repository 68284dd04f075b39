package dev.agentos.commands.search;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sed against the host's GNU sed. */
class SedDiffTest {
    private static final String LINES = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n";
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("sed"));
        diff.file("n", LINES).file("w", "hello world\nfoo bar baz\nAbc abc ABC\n").file("nonl", "a\nb");
    }

    @AfterEach void close() { diff.close(); }

    @Test void substituteWithFlags() {
        diff.assertSame("sed", "s/o/0/", "w");
        diff.assertSame("sed", "s/o/0/g", "w");
        diff.assertSame("sed", "s/o/0/2", "w");
        diff.assertSame("sed", "s/a/A/2g", "w");
        diff.assertSame("sed", "-n", "s/foo/FOO/p", "w");
        diff.assertSame("sed", "s/abc/X/gi", "w");
        diff.assertSame("sed", "s/ABC/X/I", "w");
        diff.assertSame("sed", "s|o|/|g", "w");
        diff.assertSame("sed", "s,a\\,b,X,", "w");
        diff.assertSame("sed", "s/x*/-/g", "w");
        diff.assertSame("sed", "s/o*/<&>/g", "w");
        diff.assertSameWithStdin("baaac\n", "sed", "s/a*/x/g");
        diff.assertSame("sed", "s/o/\\n/", "w");
        diff.assertSame("sed", "s/ /\\t/g", "w");
    }

    @Test void replacementSpecials() {
        diff.assertSame("sed", "s/\\(hello\\) \\(world\\)/\\2 \\1/", "w");
        diff.assertSame("sed", "-E", "s/(\\w+) (\\w+)/\\2 [&] \\1/", "w");
        diff.assertSame("sed", "s/.*/\\U&/", "w");
        diff.assertSame("sed", "s/\\w\\+/\\u&/g", "w");
        diff.assertSame("sed", "s/.*/\\L&/", "w");
        diff.assertSame("sed", "-E", "s/(\\w)(\\w*)/\\U\\1\\E\\2/g", "w");
        diff.assertSame("sed", "s/[A-Z]*/\\l&/g", "w");
        diff.assertSame("sed", "s/o/\\&/", "w");
        diff.assertSame("sed", "s/o/a\\\nb/", "w");
        diff.assertSame("sed", "-E", "s/(a|ab)(c|bcd)?/[\\1]/", "w");
    }

    @Test void addresses() {
        diff.assertSame("sed", "-n", "3p", "n");
        diff.assertSame("sed", "-n", "$p", "n");
        diff.assertSame("sed", "-n", "/e/p", "n");
        diff.assertSame("sed", "-n", "\\,t,p", "n");
        diff.assertSame("sed", "-n", "0~3p", "n");
        diff.assertSame("sed", "-n", "2~3p", "n");
        diff.assertSame("sed", "-n", "3,5p", "n");
        diff.assertSame("sed", "-n", "5,3p", "n");
        diff.assertSame("sed", "-n", "/two/,/five/p", "n");
        diff.assertSame("sed", "-n", "/four/,+2p", "n");
        diff.assertSame("sed", "-n", "/two/,~4p", "n");
        diff.assertSame("sed", "-n", "0,/o/p", "n");
        diff.assertSame("sed", "-n", "1,/o/p", "n");
        diff.assertSame("sed", "-n", "3!p", "n");
        diff.assertSame("sed", "-n", "2,8!p", "n");
        diff.assertSame("sed", "-n", "/E/Ip", "n");
        diff.assertSame("sed", "-n", "$!{$!p}", "nonl");
        diff.assertSame("sed", "-n", "/t/,$p", "n");
        diff.assertSame("sed", "2,4d", "n");
    }

    @Test void deleteAndMultilineCommands() {
        diff.assertSame("sed", "/e/d", "n");
        diff.assertSame("sed", "N;P;D", "n");
        diff.assertSame("sed", "$!N;s/\\n/ /", "n");
        diff.assertSame("sed", ":a;N;$!ba;s/\\n/,/g", "n");
        diff.assertSame("sed", "-n", "$!{h;d};x;G;p", "n");
        diff.assertSame("sed", "1!G;h;$!d", "n");
        diff.assertSame("sed", "n;d", "n");
        diff.assertSame("sed", "N", "n");
        diff.assertSame("sed", "$!N;P;D", "n");
        diff.assertSame("sed", "-n", "h;n;G;p", "n");
        diff.assertSame("sed", "x;$!d", "n");
        diff.assertSame("sed", "z;s/^$/empty/", "w");
    }

    @Test void textCommands() {
        diff.assertSame("sed", "2a\\\nappended", "n");
        diff.assertSame("sed", "2a appended line", "n");
        diff.assertSame("sed", "2i inserted", "n");
        diff.assertSame("sed", "3c changed", "n");
        diff.assertSame("sed", "2,4c changed range", "n");
        diff.assertSame("sed", "$a\\\nend\\\nmore", "n");
        diff.assertSame("sed", "-e", "1a\\", "-e", "added", "w");
        diff.assertSame("sed", "1i\\  lead", "w");
        diff.assertSame("sed", "a x", "nonl");
        diff.assertSame("sed", "$!c\\\nX", "w");
    }

    @Test void printingCommands() {
        diff.assertSame("sed", "-n", "=", "w");
        diff.assertSame("sed", "p", "w");
        diff.assertSame("sed", "-n", "/o/{=;p}", "w");
        diff.assertSame("sed", "-n", "N;P", "n");
        diff.assertSame("sed", "-n", "l", "w");
        diff.assertSameWithStdin("tab\there\\back\u0001\n", "sed", "-n", "l");
        diff.assertSameWithStdin("a very long line that will certainly be wrapped by the l command at seventy chars ok\n", "sed", "-n", "l");
        diff.assertSameWithStdin("abcdefghij\n", "sed", "-n", "l 5");
        diff.assertSameWithStdin("abcdefghij\n", "sed", "-l", "4", "-n", "l");
        diff.assertSame("sed", "-n", "F", "w");
        diff.assertSame("sed", "p", "nonl");
        diff.assertSame("sed", "-n", "$=", "n", "w");
    }

    @Test void quitCommands() {
        diff.assertSame("sed", "3q", "n");
        diff.assertSame("sed", "3q5", "n");
        diff.assertSame("sed", "3Q", "n");
        diff.assertSame("sed", "3Q7", "n");
        diff.assertSame("sed", "2{p;q}", "n");
        diff.assertSame("sed", "1a foo\n1q", "n");
    }

    @Test void branchesAndLabels() {
        diff.assertSame("sed", ":a;s/o/0/;ta", "w");
        diff.assertSame("sed", "s/o/0/;T;s/$/ changed/", "w");
        diff.assertSame("sed", "/two/b end;s/$/!/;:end", "n");
        diff.assertSame("sed", "-n", "/o/!b;p", "n");
        diff.assertSame("sed", "b nowhere", "n");
        diff.assertSame("sed", "s/x/y/;t\ns/$/ no x/", "w");
    }

    @Test void holdSpace() {
        diff.assertSame("sed", "h;s/./X/;G", "w");
        diff.assertSame("sed", "H;$!d;x", "w");
        diff.assertSame("sed", "-n", "H;${g;p}", "w");
        diff.assertSame("sed", "x;G", "w");
    }

    @Test void transliterate() {
        diff.assertSame("sed", "y/abc/xyz/", "w");
        diff.assertSame("sed", "y/lo/\\n\\t/", "w");
        diff.assertSame("sed", "y/ab/c/", "w");
        diff.assertSame("sed", "y,o\\,,0;,", "w");
    }

    @Test void fileCommands() {
        diff.file("ins", "INSERTED\n").file("two", "r1\nr2\n");
        diff.assertSame("sed", "2r ins", "n");
        diff.assertSame("sed", "r missing", "w");
        diff.assertSame("sed", "R two", "n");
        diff.assertSame("sed", "-n", "/o/w out\n$r out", "n");
        diff.assertSame("sed", "-n", "w /dev/stdout", "w");
        diff.assertSame("sed", "-n", "s/o/0/w /dev/stdout", "w");
        diff.assertSame("sed", "N;W /dev/stdout", "n");
    }

    @Test void scriptSyntax() {
        diff.file("script", "# comment\n/two/{\n  s/two/2/\n  p\n}\n$d\n");
        diff.assertSame("sed", "-f", "script", "n");
        diff.file("quiet", "#n\n3p\n");
        diff.assertSame("sed", "-f", "quiet", "n");
        diff.assertSame("sed", "-e", "1d", "-e", "s/e/E/", "n");
        diff.assertSame("sed", "1d;3d ; 5d", "n");
        diff.assertSame("sed", "-n", "2{p};4{p;p}", "n");
        diff.assertSame("sed", "{;s/o/0/;}", "w");
        diff.assertSame("sed", "2 { s/t/T/ }", "n");
        diff.assertSame("sed", "-s", "-n", "$p", "n", "w");
        diff.assertSame("sed", "-n", "$p", "n", "w");
        diff.assertSame("sed", "-s", "1d", "n", "w");
    }

    @Test void scriptErrors() {
        diff.assertSame("sed", "k", "n");
        diff.assertSame("sed", "-e", "p", "-e", "s/a", "n");
        diff.assertSame("sed", "s/\\(/x/", "n");
        diff.assertSame("sed", "nope", "n");
        diff.assertSame("sed", "b foo", "n");
        diff.assertSame("sed", "}", "n");
        diff.assertSame("sed", "{p", "n");
        diff.assertSame("sed", "a", "n");
        diff.assertSame("sed", "s/a/b/gg", "n");
        diff.assertSame("sed", "s/a/b/x", "n");
        diff.assertSame("sed", "s/a/\\1/", "n");
        diff.assertSame("sed", "1,2q", "n");
        diff.assertSame("sed", "0p", "n");
        diff.assertSame("sed", "/x", "n");
        diff.assertSame("sed", "s/a/b/0", "n");
        diff.assertSame("sed", "y/a/", "n");
        diff.assertSame("sed", "3,p", "n");
        diff.assertSame("sed", "p x", "n");
    }

    @Test void sandboxRefusesCommandsThatReachFilesOrPrograms() {
        diff.assertSameWithStdin("x\n", "sed", "--sandbox", "w foo");
        diff.assertSameWithStdin("x\n", "sed", "--sandbox", "s/x/y/w foo");
        diff.assertSameWithStdin("x\n", "sed", "--sandbox", "1e echo");
        diff.assertSameWithStdin("x\n", "sed", "--sandbox", "-n", "p;r foo");
        diff.assertSameWithStdin("x\n", "sed", "--sandbox", "s/x/y/");
    }

    @Test void followSymlinksEditsTheTargetAndKeepsTheLink() {
        diff.file("real", "abc\n").symlink("real", "link");
        diff.assertSame("sed", "-i", "--follow-symlinks", "s/b/B/", "link");
        diff.assertSame("cat", "real");
        diff.assertSame("readlink", "link");
    }

    @Test void unbufferedOutputIsTheSame() {
        diff.assertSameWithStdin("a\nb\n", "sed", "-u", "s/a/A/");
    }

    @Test void usageAndMissingFiles() {
        diff.assertSame("sed");
        diff.assertSame("sed", "-n");
        diff.assertSame("sed", "--bogus", "p");
        diff.assertSame("sed", "p", "missing");
        diff.assertSame("sed", "-n", "p", "missing", "w");
        diff.assertSame("sed", "--help");
        diff.dir("d");
        diff.assertSame("sed", "p", "d");
        diff.assertSameWithStdin("x\ny\n", "sed", "s/x/X/", "-", "w");
    }

    @Test void extendedAndRegexEdgeCases() {
        diff.assertSame("sed", "-E", "s/(o|e)+/_/g", "n");
        diff.assertSame("sed", "-r", "s/^(.)(.*)$/\\2\\1/", "n");
        diff.assertSame("sed", "s/[[:upper:]]/u/g", "w");
        diff.assertSame("sed", "s/[]a]/X/g", "w");
        diff.assertSame("sed", "s/\\bb/B/g", "w");
        diff.assertSame("sed", "s/\\<./X/g", "w");
        diff.assertSame("sed", "s/o\\+/O/g", "w");
        diff.assertSame("sed", "-n", "/^t.*e$/p", "n");
        diff.assertSame("sed", "N;N;s/^t/X/Mg", "n");
        diff.assertSame("sed", "N;s/o$/X/M", "n");
        diff.assertSame("sed", "N;s/.\\n./X/", "n");
        diff.assertSame("sed", "s/e//2;s//E/", "n");
        diff.assertSame("sed", "/t/s//T/g", "n");
        diff.assertSame("sed", "s/\\x6f/0/g", "w");
    }

    @Test void nullDataAndMissingNewline() {
        diff.file("z", "a\0b\0c".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        diff.assertSame("sed", "-z", "s/^./X/", "z");
        diff.assertSame("sed", "-z", "$!d", "z");
        diff.assertSame("sed", "s/b/B/", "nonl");
        diff.assertSame("sed", "$a end", "nonl");
        diff.assertSame("sed", "-n", "p;p", "nonl");
        diff.assertSame("sed", "", "nonl", "nonl");
    }

    @Test void inPlaceEditing() {
        diff.file("e1", "alpha\nbeta\n").file("e2", "gamma\n");
        diff.assertSame("sed", "-i", "s/a/A/g", "e1", "e2");
        diff.assertSame("cat", "e1", "e2");
        diff.assertSame("sed", "-i.bak", "1d", "e1");
        diff.assertSame("cat", "e1", "e1.bak");
        diff.assertSame("sed", "-i", "-e", "$a tail", "e2");
        diff.assertSame("cat", "e2");
        diff.assertSame("sed", "-n", "-i", "p", "missing");
        diff.assertSame("sed", "-ibk_*", "s/^/>/", "e2");
        diff.assertSame("cat", "bk_e2", "e2");
    }

    @Test void moreGnuForms() {
        diff.assertSame("sed", "-n", "/two/,/f/{/f/!p}", "n");
        diff.assertSame("sed", "-n", "2,4{=;l}", "n");
        diff.assertSame("sed", "s/e/[&]/3", "n");
        diff.assertSame("sed", "-E", "s/(.)(.)/\\2\\1/g", "n");
        diff.assertSame("sed", "s/.*/\\u\\L&/", "w");
        diff.assertSame("sed", "0~4d", "n");
        diff.assertSame("sed", "-n", "1~0p", "n");
        diff.assertSame("sed", "$!s/$/,/", "n");
        diff.assertSame("sed", "-n", "/one/{n;p}", "n");
        diff.assertSame("sed", "=", "nonl");
        diff.assertSame("sed", "-n", "/t/{s//T/p}", "n");
        diff.assertSame("sed", "5,3!d", "n");
        diff.assertSame("sed", "y/abcdefghijklmnopqrstuvwxyz/ABCDEFGHIJKLMNOPQRSTUVWXYZ/", "w");
        diff.assertSame("sed", "s/[[:space:]]\\+/ /g;s/^ //", "w");
        diff.assertSame("sed", "-s", "F", "n", "w");
        diff.assertSameWithStdin("a.b.c\n", "sed", "s/\\./-/2");
        diff.assertSameWithStdin("hello\n", "sed", "s/l*/X/g");
        diff.assertSameWithStdin("hello\n", "sed", "-E", "s/(l|ll)/X/");
    }
}
