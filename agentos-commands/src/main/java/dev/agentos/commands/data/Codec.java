package dev.agentos.commands.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/** A compressed format: its suffixes, magic, and streams (gzip and bzip2 from commons-compress, xz from XZ for Java). */
enum Codec {
    GZIP("gzip", ".gz", Map.of(".gz", "", ".z", "", "-gz", "", ".tgz", ".tar", ".taz", ".tar"), new byte[] {0x1f, (byte) 0x8b}),
    BZIP2("bzip2", ".bz2", Map.of(".bz2", "", ".bz", "", ".tbz2", ".tar", ".tbz", ".tar"), new byte[] {'B', 'Z', 'h'}),
    XZ("xz", ".xz", Map.of(".xz", "", ".txz", ".tar"), new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0});

    final String tool;
    final String suffix;
    final Map<String, String> decompressSuffixes;
    private final byte[] magic;

    Codec(String tool, String suffix, Map<String, String> decompressSuffixes, byte[] magic) {
        this.tool = tool;
        this.suffix = suffix;
        this.decompressSuffixes = decompressSuffixes;
        this.magic = magic;
    }

    boolean matches(byte[] data) {
        if (data.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if (data[i] != magic[i]) return false;
        return true;
    }

    /** The decompressed name for {@code name}, or null when it has none of this format's suffixes. */
    String strip(String name) {
        for (String s : List.of(".tgz", ".taz", ".tbz2", ".tbz", ".txz", ".gz", ".z", "-gz", ".bz2", ".bz", ".xz")) {
            String repl = decompressSuffixes.get(s);
            if (repl != null && name.endsWith(s) && name.length() > s.length()) {
                return name.substring(0, name.length() - s.length()) + repl;
            }
        }
        return null;
    }

    /** Compresses {@code data}; gzip stores {@code name} and {@code mtimeMillis} unless name is null. */
    void compress(byte[] data, OutputStream out, int level, String name, long mtimeMillis) throws IOException {
        switch (this) {
            case GZIP -> {
                GzipParameters p = new GzipParameters();
                p.setCompressionLevel(level);
                p.setOperatingSystem(3);
                if (name != null) {
                    p.setFileName(name);
                    p.setModificationTime(mtimeMillis);
                }
                try (var gz = new GzipCompressorOutputStream(nonClosing(out), p)) {
                    gz.write(data);
                }
            }
            case BZIP2 -> {
                try (var bz = new BZip2CompressorOutputStream(nonClosing(out), Math.max(1, level))) {
                    bz.write(data);
                }
            }
            case XZ -> {
                try (var xz = new XZOutputStream(nonClosing(out), new LZMA2Options(Math.min(9, level)))) {
                    xz.write(data);
                }
            }
        }
    }

    byte[] decompress(byte[] data) throws IOException {
        InputStream in = new java.io.ByteArrayInputStream(data);
        try (InputStream d = switch (this) {
            case GZIP -> GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case XZ -> new XZInputStream(in);
        }) {
            return d.readAllBytes();
        }
    }

    static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override public void close() throws IOException {
                flush();
            }
        };
    }
}
