package dev.agentos.commands.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * tree and file against the host's (Debian packages {@code tree} and {@code file}); where the host
 * lacks them only the VM half runs, against the expected text.
 */
class TreeAndFileDiffTest {
    private final CommandDiff diff = new CommandDiff();

    @AfterEach void close() { diff.close(); }

    private void same(String... argv) {
        if (CommandDiff.hostHas(argv[0])) diff.assertSame(argv);
    }

    private void tree() {
        diff.dir("a").dir("a/b").dir(".hid").file("x", "").file("a/y", "").file("a/b/z", "").file(".hid/w", "")
                .symlink("a", "la").symlink("x", "lx");
    }

    @Test void treeDrawsTheClassicPicture() {
        tree();
        assertThat(diff.vm("", List.of("tree", "--charset=utf-8")).stdout()).isEqualTo("""
                .
                ├── a
                │\u00a0\u00a0 ├── b
                │\u00a0\u00a0 │\u00a0\u00a0 └── z
                │\u00a0\u00a0 └── y
                ├── la -> a
                ├── lx -> x
                └── x

                4 directories, 4 files
                """);
        same("tree");
        same("tree", "--charset=utf-8");
        same("tree", "--charset=ascii", "a");
        same("tree", "a");
        same("tree", ".", "a");
    }

    @Test void treeUsesAsciiLinesInTheCLocale() {
        tree();
        assertThat(diff.vm("", List.of("tree", "a")).stdout()).isEqualTo("a\n|-- b\n|   `-- z\n`-- y\n\n2 directories, 2 files\n");
    }

    @Test void treeShowsHiddenDirectoriesOnlyAndLimitsDepth() {
        tree();
        same("tree", "-a");
        same("tree", "-d");
        same("tree", "-L", "1");
        same("tree", "-a", "-L", "2");
        same("tree", "-d", "-L", "1");
        assertThat(diff.vm("", List.of("tree", "-d")).stdout()).endsWith("\n4 directories\n");
    }

    @Test void treeReportsBadOperandsAndLevels() {
        tree();
        same("tree", "missing");
        same("tree", "x");
        same("tree", "-L", "0");
        CommandDiff.Outcome o = diff.vm("", List.of("tree", "missing"));
        assertThat(o.stdout()).isEqualTo("missing  [error opening dir]\n\n0 directories, 0 files\n");
        assertThat(o.exitCode()).isEqualTo(2);
    }

    private void files() {
        diff.file("empty", "")
                .file("ascii", "hello\n")
                .file("utf8", "h\u00e9llo\n")
                .file("crlf", "a\r\nb\r\n")
                .file("noeol", "no newline")
                .file("sh", "#!/bin/sh\necho hi\n")
                .file("bash", "#!/bin/bash\necho hi\n")
                .file("py", "#!/usr/bin/env python3\nprint(1)\n")
                .file("j.json", "{\"a\": [1, 2.5, true, null], \"b\": \"x\"}\n")
                .file("notjson", "{not json}\n")
                .file("wasm", new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0})
                .file("png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                        0, 0, 0, 2, 0, 0, 0, 3, 8, 6, 0, 0, 0, 0, 0, 0, 0})
                .file("gif", new byte[] {'G', 'I', 'F', '8', '9', 'a', 5, 0, 7, 0, 0, 0, 0})
                .file("bin", new byte[] {0, 1, 2, 3, (byte) 0xfe, (byte) 0xff})
                .file("aos", new byte[] {0x7f, 'A', 'O', 'S', ' ', 'l', 's', '\n'})
                .dir("d").symlink("ascii", "link").symlink("nowhere", "dangling");
    }

    @Test void fileNamesTextScriptsAndJson() {
        files();
        same("file", "empty", "ascii", "utf8", "crlf", "noeol");
        same("file", "sh", "bash", "py");
        same("file", "j.json", "notjson");
        same("file", "-b", "ascii", "sh");
        assertThat(diff.vm("", List.of("file", "sh", "j.json", "utf8")).stdout()).isEqualTo(
                "sh:     POSIX shell script, ASCII text executable\n"
                        + "j.json: JSON text data\n"
                        + "utf8:   Unicode text, UTF-8 text\n");
    }

    @Test void fileDescribesArchivesImagesAndElfLikeFile544() throws Exception {
        diff.file("g.gz", gzip("g", 1795558872L, "hello\n".getBytes()))
                .file("z.zip", zip())
                .file("t.tar", tar())
                .file("j.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
                        (byte) 0xff, (byte) 0xc0, 0, 17, 8, 0, 2, 0, 3, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1})
                .file("e.elf", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0})
                .file("latin", new byte[] {(byte) 0xe9, 't', (byte) 0xe9, '\n'})
                .file("cr", "x\ry\r")
                .file("long", "x".repeat(400) + "\n")
                .file("arr.json", "[1,2]")
                .file("str.json", "\"str\"\n");
        same("file", "g.gz", "z.zip", "t.tar", "j.jpg", "e.elf");
        same("file", "latin", "cr", "long", "arr.json", "str.json");
        assertThat(diff.vm("", List.of("file", "-b", "g.gz", "e.elf", "t.tar")).stdout()).isEqualTo(
                "gzip compressed data, was \"g\", last modified: Tue Nov 24 22:21:12 2026, from Unix, original size modulo 2^32 6\n"
                        + "ELF 64-bit LSB executable, x86-64, version 1 (SYSV)\n"
                        + "POSIX tar archive (GNU)\n");
    }

    private static byte[] gzip(String name, long mtime, byte[] data) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 8, (byte) mtime, (byte) (mtime >> 8), (byte) (mtime >> 16), (byte) (mtime >> 24), 0, 3});
        out.write(name.getBytes());
        out.write(0);
        var def = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
        def.setInput(data);
        def.finish();
        byte[] buf = new byte[1024];
        int n = def.deflate(buf);
        out.write(buf, 0, n);
        var crc = new java.util.zip.CRC32();
        crc.update(data);
        long c = crc.getValue(), len = data.length;
        out.write(new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24), (byte) len, (byte) (len >> 8), (byte) (len >> 16), (byte) (len >> 24)});
        return out.toByteArray();
    }

    private static byte[] zip() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(out)) {
            z.putNextEntry(new java.util.zip.ZipEntry("a"));
            z.write("hello".repeat(100).getBytes());
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] tar() {
        byte[] t = new byte[1024];
        System.arraycopy("g".getBytes(), 0, t, 0, 1);
        System.arraycopy("0000644\0".getBytes(), 0, t, 100, 8);
        System.arraycopy("0000000\0".getBytes(), 0, t, 108, 8);
        System.arraycopy("0000000\0".getBytes(), 0, t, 116, 8);
        System.arraycopy("00000000000\0".getBytes(), 0, t, 124, 12);
        System.arraycopy("00000000000\0".getBytes(), 0, t, 136, 12);
        t[156] = '0';
        System.arraycopy("ustar  \0".getBytes(), 0, t, 257, 8);
        java.util.Arrays.fill(t, 148, 156, (byte) ' ');
        int sum = 0;
        for (int i = 0; i < 512; i++) sum += t[i] & 0xff;
        System.arraycopy(String.format("%06o\0 ", sum).getBytes(), 0, t, 148, 8);
        return t;
    }

    @Test void fileNamesBinaryFormatsAndSpecialFiles() {
        files();
        same("file", "wasm", "png", "gif", "bin");
        same("file", "d", "link", "dangling", "missing");
        same("file", "-L", "link");
        assertThat(diff.vm("", List.of("file", "aos", "wasm", "d", "link")).stdout()).isEqualTo(
                "aos:  agentOS executable\n"
                        + "wasm: WebAssembly (wasm) binary module version 0x1 (MVP)\n"
                        + "d:    directory\n"
                        + "link: symbolic link to ascii\n");
        assertThat(diff.vm("", List.of("file", "/bin/ls")).stdout()).isEqualTo("/bin/ls: agentOS executable\n");
    }
}
