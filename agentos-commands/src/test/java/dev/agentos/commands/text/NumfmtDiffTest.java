package dev.agentos.commands.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** numfmt against the host's GNU coreutils. */
class NumfmtDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() { assumeTrue(CommandDiff.hostHas("numfmt")); }

    @AfterEach void close() { diff.close(); }

    @Test void toHumanUnits() {
        diff.assertSame("numfmt", "--to=si", "500", "1500", "15000", "999999", "1.5", "123456789", "0.5", "1.25");
        diff.assertSame("numfmt", "--to=si", "9999", "99999", "--", "-1500");
        diff.assertSame("numfmt", "--to=iec", "1024", "1536", "1048575", "5000000000");
        diff.assertSame("numfmt", "--to=iec-i", "2048", "100");
        diff.assertSame("numfmt", "--to=si", "--round=down", "1999");
        diff.assertSame("numfmt", "--to=si", "--round=nearest", "1949", "1950");
        diff.assertSame("numfmt", "--round=up", "--to=si", "1001");
        diff.assertSame("numfmt", "--to=si", "--format=%.3f", "1234567");
    }

    @Test void fromHumanUnits() {
        diff.assertSame("numfmt", "--from=si", "1.5K", "2M", "1.5");
        diff.assertSame("numfmt", "--from=iec", "1K", "1M");
        diff.assertSame("numfmt", "--from=auto", "1Ki", "1K");
        diff.assertSame("numfmt", "--from=iec-i", "4Gi");
        diff.assertSame("numfmt", "--from=si", "--to=iec", "1G");
        diff.assertSame("numfmt", "--from-unit=1024", "--to=si", "4");
        diff.assertSame("numfmt", "--to-unit=1000", "5000");
        diff.assertSame("numfmt", "1.50", "12", "1.234");
    }

    @Test void paddingSuffixFormatFields() {
        diff.assertSame("numfmt", "--padding=8", "--suffix=B", "42");
        diff.assertSame("numfmt", "--padding=-8", "42");
        diff.assertSame("numfmt", "--format=%08.2f", "3.14159");
        diff.assertSame("numfmt", "--format=[%10f]", "--to=si", "2000");
        diff.assertSame("numfmt", "--format=%-7f|", "12");
        diff.assertSameWithStdin("a 1000 b 2000\n", "numfmt", "--field=2,4", "--to=si");
        diff.assertSameWithStdin("a   1000\n", "numfmt", "--field", "2", "--to=si");
        diff.assertSameWithStdin("x:2048:y\n", "numfmt", "-d", ":", "--field=2", "--to=iec");
        diff.assertSameWithStdin("size\n1000\n2000000\n", "numfmt", "--header", "--to=si");
        diff.assertSameWithStdin("1000\n", "numfmt", "--to=si", "--suffix=/s");
    }

    @Test void invalidInputs() {
        diff.assertSame("numfmt", "1K");
        diff.assertSame("numfmt", "abc");
        diff.assertSame("numfmt", "--from=iec-i", "1K");
        diff.assertSame("numfmt", "--to=bad", "1");
        diff.assertSame("numfmt", "--invalid=warn", "x", "5");
        diff.assertSame("numfmt", "--invalid=ignore", "x", "5");
        diff.assertSame("numfmt", "--invalid=fail", "x", "5");
        diff.assertSame("numfmt", "--format=x%dy", "1");
        diff.assertSame("numfmt", "--padding=x", "1");
    }
}
