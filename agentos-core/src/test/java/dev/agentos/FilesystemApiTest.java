package dev.agentos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FilesystemApiTest {
    private final AgentOs vm = AgentOs.create();

    @AfterEach void close() { vm.close(); }

    @Test void writtenFilesReadBackByteForByte() {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(data);
        vm.writeFile("/home/agentos/blob", data);
        assertThat(vm.readFile("/home/agentos/blob")).isEqualTo(data);
        vm.writeFile("hello.txt", "Hello, world!");
        assertThat(vm.readFileText("/home/agentos/hello.txt")).isEqualTo("Hello, world!");
    }

    @Test void errorsNameTheCodeAndThePath() {
        assertThatThrownBy(() -> vm.readFile("/x"))
                .isInstanceOf(AgentOsException.class)
                .hasMessage("ENOENT: no such file or directory, open '/x'");
        assertThatThrownBy(() -> vm.writeFile("/etc/passwd", "root::0:0::/:/bin/sh"))
                .hasMessage("EACCES: permission denied, open '/etc/passwd'");
        assertThatThrownBy(() -> vm.readFile("/tmp")).hasMessageStartingWith("EISDIR");
    }

    @Test void writeFilesAndReadFilesReportEachEntry() {
        List<WriteResult> w = vm.writeFiles(List.of(FileEntry.of("/tmp/a", "A"), FileEntry.of("/nodir/b", "B"),
                FileEntry.of("/tmp/c", "C")));
        assertThat(w).extracting(WriteResult::success).containsExactly(true, false, true);
        assertThat(w.get(1).error().orElseThrow().code()).isEqualTo("ENOENT");
        List<ReadResult> r = vm.readFiles(List.of("/tmp/a", "/tmp/missing", "/tmp/c"));
        assertThat(r).extracting(ReadResult::success).containsExactly(true, false, true);
        assertThat(new String(r.get(2).content().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("C");
    }

    @Test void directoriesAreMadeListedWalkedMovedAndDeleted() {
        vm.mkdir("/home/agentos/src/main/java", true);
        vm.writeFile("/home/agentos/src/index.ts", "console.log('hi');");
        vm.writeFile("/home/agentos/src/main/java/A.java", "class A {}");
        assertThat(vm.readdir("/home/agentos/src")).containsExactly("index.ts", "main");
        assertThat(vm.readdirRecursive("/home/agentos/src")).containsExactly(
                new DirEntryInfo("/home/agentos/src/index.ts", "file", 18),
                new DirEntryInfo("/home/agentos/src/main", "directory", 0),
                new DirEntryInfo("/home/agentos/src/main/java", "directory", 0),
                new DirEntryInfo("/home/agentos/src/main/java/A.java", "file", 10));
        assertThat(vm.readdirRecursive("/home/agentos/src", 1)).hasSize(2);
        vm.move("/home/agentos/src", "/home/agentos/lib");
        assertThat(vm.exists("/home/agentos/src")).isFalse();
        assertThat(vm.stat("/home/agentos/lib/main/java/A.java").size()).isEqualTo(10);
        assertThatThrownBy(() -> vm.deleteFile("/home/agentos/lib")).hasMessageStartingWith("ENOTEMPTY");
        vm.deleteFile("/home/agentos/lib", true);
        assertThat(vm.exists("/home/agentos/lib")).isFalse();
        assertThatThrownBy(() -> vm.mkdir("/home/agentos/a/b")).hasMessage("ENOENT: no such file or directory, mkdir '/home/agentos/a/b'");
    }

    @Test void statDescribesTheFile() {
        vm.writeFile("/tmp/s", "12345");
        FileInfo s = vm.stat("/tmp/s");
        assertThat(s.isFile()).isTrue();
        assertThat(s.size()).isEqualTo(5);
        assertThat(s.mode()).isEqualTo(0644);
        assertThat(s.uid()).isEqualTo(1000);
        assertThat(vm.stat("/tmp").isDirectory()).isTrue();
    }

    @Test void vmsDoNotSeeEachOthersFiles() {
        try (AgentOs other = AgentOs.create()) {
            vm.writeFile("/tmp/mine", "x");
            assertThat(other.exists("/tmp/mine")).isFalse();
            assertThat(other.exists("/bin/echo")).isTrue();
        }
    }
}
