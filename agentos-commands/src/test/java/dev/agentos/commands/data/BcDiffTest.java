package dev.agentos.commands.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** bc against GNU bc: scale rules, bases, control flow, functions and the -l math library. */
class BcDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("bc")); }

    @AfterEach void close() { diff.close(); }

    @Test void arithmeticFollowsBcScaleRules() {
        diff.assertSameWithStdin("1+2\n7/2\nscale=5\n1/3\n-1/3\n0.000\n1-1.00\n2^10\n2^-1\n3.0*2.00\n10%3\n5.5%2\n", "bc");
        diff.assertSameWithStdin("scale=3\nsqrt(2)\nsqrt(16)\nlength(123.45)\nscale(1.230)\n.5+.25\n-.5*3\n", "bc");
        diff.assertSameWithStdin("2^100\n99^50\n", "bc");
        diff.assertSameWithStdin("a=5\nb=a*2\nb\na+=3\na\na++\na\n--a\nlast\n.\n", "bc");
        diff.assertSameWithStdin("1<2\n2<1\n1==1\n!0\n1&&0\n0||3\n", "bc");
    }

    @Test void basesForInputAndOutput() {
        diff.assertSameWithStdin("obase=16\n255\n10.5\n-31\nobase=2\n10\nobase=10\nibase=16\nFF\n1A.8\nibase=A\n20\n", "bc");
        diff.assertSameWithStdin("obase=100\n123456\n", "bc");
    }

    @Test void controlFlowFunctionsAndStrings() {
        diff.assertSameWithStdin("x=5\nif (x>3) print \"big\\n\" else print \"small\\n\"\nfor(i=0;i<3;i++) i\n"
                + "define f(n) { if (n<2) return (n); return (f(n-1)+f(n-2)); }\nf(15)\n\"str\n\"\n(y=3)\nwhile (y) y--\n", "bc");
        diff.assertSameWithStdin("define g(x) { auto y; y = x * 2; return y; }\ny = 7\ng(4)\ny\n", "bc");
        diff.assertSameWithStdin("a[0]=1; a[1]=2; a[0]+a[1]\ni=0; while (1) { i=i+1; if (i>4) break; }\ni\n", "bc");
        diff.assertSameWithStdin("print 1, \" and \", 2, \"\\n\"\n/* comment */ 4 # another\n", "bc");
        diff.assertSameWithStdin("1\nquit\n2\n", "bc");
    }

    @Test void mathLibrary() {
        diff.assertSameWithStdin("s(1)\nc(1)\na(1)\nl(2)\ne(1)\nj(0,1)\n4*a(1)\ne(0)\nl(1)\n", "bc", "-l");
        diff.assertSameWithStdin("scale=5\ns(0.5)\ne(2)\nl(10)\na(0.3)\n", "bc", "-l");
        diff.assertSameWithStdin("1/3\n", "bc", "-l");
    }

    @Test void filesAreReadBeforeStdin() {
        diff.file("prog.bc", "define sq(x) { return x*x; }\n");
        diff.assertSameWithStdin("sq(12)\n", "bc", "prog.bc");
    }
}
