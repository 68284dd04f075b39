package dev.agentos.commands.system;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** env and printenv against GNU coreutils; runs start from {@code env -i} so both sides see the same environment. */
class EnvAndPrintenvDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void hostTools() { assumeTrue(CommandDiff.hostHas("env") && CommandDiff.hostHas("printenv")); }

    @AfterEach void close() { diff.close(); }

    @Test void envPrintsAnEnvironmentBuiltFromAssignments() {
        diff.assertSame("env", "-i", "A=1", "B=two words");
        diff.assertSame("env", "-i", "A=1", "A=2");
        diff.assertSame("env", "-", "X=y");
        diff.assertSame("env", "-i", "-0", "A=1", "B=2");
        diff.assertSame("env", "-i");
        diff.assertSame("env", "-i", "A=1", "B=2", "-u", "A");
    }

    @Test void envUnsetsAndRunsCommands() {
        diff.assertSame("env", "-i", "A=1", "B=2", "env", "-u", "A");
        diff.assertSame("env", "-i", "--unset=B", "B=2", "C=3", "printenv", "C");
        diff.assertSame("env", "-i", "A=1", "printenv", "A");
        diff.assertSame("env", "-i", "env", "B=2");
        diff.assertSame("env", "-i", "PATH=/usr/bin:/bin", "false");
        diff.assertSame("env", "-i", "PATH=/usr/bin:/bin", "true");
    }

    @Test void envChangesDirectoryBeforeRunning() {
        diff.dir("sub").file("sub/f", "in sub\n");
        diff.assertSame("env", "-C", "sub", "cat", "f");
        diff.assertSame("env", "--chdir=sub", "cat", "f");
        diff.assertSame("env", "-C", "nowhere", "true");
    }

    @Test void envReportsItsOwnFailuresWith125AndExecFailuresWith126Or127() {
        diff.dir("d");
        diff.assertSame("env", "-u", "a=b");
        diff.assertSame("env", "-0", "true");
        diff.assertSame("env", "-C", "d");
        diff.assertSame("env", "./nonexistent");
        diff.assertSame("env", "no-such-command-anywhere");
        diff.assertSame("env", "./d");
        diff.assertSame("env", "-x");
        diff.assertSame("env", "--foo");
        diff.assertSame("env", "-u");
    }

    @Test void printenvPrintsValuesAndFailsForMissingNames() {
        // one variable: SpawnRequest copies the environment into an unordered map, so order is not kept
        diff.assertSame("env", "-i", "A=1", "printenv");
        diff.assertSame("env", "-i", "A=1", "B=2", "printenv", "B", "A");
        diff.assertSame("env", "-i", "A=1", "printenv", "A", "MISSING");
        diff.assertSame("env", "-i", "A=1", "printenv", "MISSING");
        diff.assertSame("env", "-i", "A=1", "printenv", "A=1");
        diff.assertSame("env", "-i", "A=1", "printenv", "-0");
        diff.assertSame("env", "-i", "A=1", "B=2", "printenv", "--null", "A", "B");
        diff.assertSame("printenv", "-x");
        diff.assertSame("env", "-i", "A=1", "printenv", "--nul", "A");
    }
}
