package dev.agentos.commands.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** stat formats against GNU coreutils; host-specific fields (inode, device, owner) compared by shape. */
class StatDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @BeforeEach void setUp() {
        assumeTrue(CommandDiff.hostHas("stat"));
        diff.file("f", "hello\n").file("empty", "").dir("d").symlink("f", "l");
        diff.assertSame("touch", "-d", "2022-03-04 05:06:07.123456789", "f", "empty", "d");
        diff.assertSame("touch", "-h", "-d", "2022-03-04 05:06:07", "l");
    }

    @AfterEach void close() { diff.close(); }

    @Test void formatDirectivesAgree() {
        diff.assertSame("stat", "-c", "%n|%s|%a|%A|%F|%h|%f", "f", "empty", "d", "l");
        diff.assertSame("stat", "-c", "%y|%Y|%x|%X", "f", "d");
        diff.assertSame("stat", "-L", "-c", "%n %F %s", "l");
        diff.assertSame("stat", "-c", "%N", "l", "f");
        diff.assertSame("stat", "-c", "[%-8s][%8s][%08s][%5a]", "f");
        diff.assertSame("stat", "--printf", "%n\\t%s\\n", "f", "empty");
        diff.assertSame("stat", "-c", "%B %o %%", "f");
        diff.assertSame("chmod", "4751", "f");
        diff.assertSame("stat", "-c", "%a %A", "f");
    }

    @Test void errorsAndMissingOperands() {
        diff.assertSame("stat", "missing");
        diff.assertSame("stat", "-c", "%n", "f", "missing");
        diff.assertSame("stat");
        diff.assertSame("stat", "--nope", "f");
    }

    @Test void defaultLayoutHasGnuShape() {
        // inode, device, owner names and block counts are the host's: blank them out on both sides
        Structural.assertSimilar(diff, StatDiffTest::blankHostFields, "stat", "f", "l", "d");
        String vm = diff.vm("", List.of("stat", "f")).stdout();
        assertThat(vm).contains("  File: f\n  Size: 6         \tBlocks: 1          IO Block: 4096   regular file\n")
                .contains("Access: (0644/-rw-r--r--)  Uid: ( 1000/ agentos)   Gid: ( 1000/ agentos)\n")
                .contains("Modify: 2022-03-04 05:06:07.123456789 +0000\n");
        Structural.assertSimilar(diff, s -> s.replaceAll("(?<= )\\S+", "X"), "stat", "-t", "f");
    }

    private static String blankHostFields(String s) {
        return s.replaceAll("Device: \\S+\\tInode: \\d+ +", "Device: D\tInode: I ")
                .replaceAll("Uid: \\( *\\d+/ *\\w+\\)   Gid: \\( *\\d+/ *\\w+\\)", "Uid: U Gid: G")
                .replaceAll("Size: (\\d+) +\\tBlocks: \\d+ +", "Size: $1 Blocks: B ")
                .replaceAll("(Access|Change|Birth): [-0-9: .+]+\n", "$1: T\n")
                .replaceAll("Size: 4096 ", "Size: DIR ");
    }

    @Test void fileSystemStatusOfProcAndDevAgrees() {
        diff.assertSame("stat", "-f", "-c", "%n|%s|%S|%l|%t|%T", "/proc", "/dev");
        diff.assertSame("stat", "-f", "--printf", "%T\\n", "/proc");
        diff.assertSame("stat", "-f", "nosuch");
    }

    /** Block and inode counts belong to the disk on the host and to the VM's quota inside: compared by shape. */
    @Test void fileSystemStatusHasGnuLayout() {
        CommandDiff.Outcome vm = diff.vm("", List.of("stat", "-f", "d"));
        CommandDiff.Outcome host = diff.host("", List.of("stat", "-f", "d"));
        assertThat(vm.exitCode()).isZero();
        assertThat(vm.stdout().replaceAll("\\d+|Type: \\S+|ID: \\S+", "N").replaceAll(" +", " "))
                .isEqualTo(host.stdout().replaceAll("\\d+|Type: \\S+|ID: \\S+", "N").replaceAll(" +", " "));
        assertThat(vm.stdout()).contains("Type: overlayfs", "Block size: 4096       Fundamental block size: 4096");
        CommandDiff.Outcome terse = diff.vm("", List.of("stat", "-f", "-t", "/proc"));
        assertThat(terse.stdout()).matches("/proc 0 255 9fa0 4096 4096 0 0 0 0 0\n");
    }
}
