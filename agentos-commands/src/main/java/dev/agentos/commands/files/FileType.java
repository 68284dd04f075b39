package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.vfs.FileStat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** file: names a file's type from its magic bytes, as file(1) 5.44 words it for common formats. */
final class FileType extends FileCommand {
    FileType() { super("file", "[OPTION...] [FILE...]"); }

    @Override protected String packageName() { return "file"; }

    @Override protected Getopt options() {
        return Getopt.create().flag('b', "brief", "b").flag('L', "dereference", "L").flag('h', "no-dereference", "h");
    }

    @Override protected int execute(Invocation inv) {
        if (inv.operands().isEmpty()) {
            dev.agentos.commands.Gnu.print(inv.ctx().stderr(), "Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]\n"
                    + "            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]\n"
                    + "            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]\n"
                    + "            <file> ...\n       file -C [-m <magicfiles>]\n       file [--help]\n");
            return 1;
        }
        int width = 0;
        for (String f : inv.operands()) width = Math.max(width, f.length());
        List<String> lines = new ArrayList<>();
        for (String f : inv.operands()) {
            String d = describe(inv, f, inv.has("L"));
            lines.add(inv.has("b") ? d : Ls.pad(f + ":", width + 1, false) + " " + d);
        }
        for (String l : lines) inv.print(l + "\n");
        return 0;
    }

    static String describe(Invocation inv, String f, boolean follow) {
        var ctx = inv.ctx();
        FileStat st;
        try {
            st = follow ? ctx.stat(f) : ctx.lstat(f);
        } catch (AgentOsException e) {
            if (follow && SysFiles.lstat(ctx, f).isPresent()) return "cannot open `" + f + "' (" + SysFiles.reason(e) + ")";
            return "cannot open `" + f + "' (" + SysFiles.reason(e) + ")";
        }
        switch (st.type()) {
            case DIRECTORY -> { return "directory"; }
            case SYMLINK -> {
                String t = ctx.readlink(f);
                return SysFiles.stat(ctx, f).isPresent() ? "symbolic link to " + t : "broken symbolic link to " + t;
            }
            case FIFO -> { return "fifo (named pipe)"; }
            case SOCKET -> { return "socket"; }
            case CHAR_DEVICE -> { return "character special (" + ((st.rdev() >> 8) & 0xfff) + "/" + (st.rdev() & 0xff) + ")"; }
            default -> { }
        }
        if (st.size() == 0) return "empty";
        byte[] h;
        try {
            h = SysFiles.head(ctx, f, 1 << 20);
        } catch (AgentOsException e) {
            return "cannot open `" + f + "' (" + SysFiles.reason(e) + ")";
        }
        long total = st.size();
        byte[] tail = h;
        if (total > h.length && h.length >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b) {
            int fd = ctx.open(f, dev.agentos.kernel.vfs.OpenFlags.O_RDONLY, 0);
            try {
                tail = new byte[4];
                ctx.pread(fd, total - 4, tail, 0, 4);
            } finally {
                ctx.close(fd);
            }
        }
        return magic(h, tail, DateParsing.zone(ctx.getenv("TZ").orElse("UTC")));
    }

    static String magic(byte[] h) {
        return magic(h, h, java.time.ZoneOffset.UTC);
    }

    static String magic(byte[] h, byte[] tail, java.time.ZoneId zone) {
        if (starts(h, 0x7f, 'A', 'O', 'S')) return "agentOS executable";
        if (starts(h, 0x7f, 'E', 'L', 'F') && h.length > 18) {
            String cls = h[4] == 2 ? "64-bit" : "32-bit";
            String end = h[5] == 2 ? "MSB" : "LSB";
            int type = h[5] == 2 ? (h[16] & 0xff) << 8 | (h[17] & 0xff) : (h[16] & 0xff) | (h[17] & 0xff) << 8;
            String kind = switch (type) {
                case 1 -> "relocatable";
                case 2 -> "executable";
                case 3 -> "shared object";
                case 4 -> "core file";
                default -> "unknown type";
            };
            int machine = h[5] == 2 ? (h[18] & 0xff) << 8 | (h[19] & 0xff) : (h[18] & 0xff) | (h[19] & 0xff) << 8;
            String arch = switch (machine) {
                case 0x3e -> ", x86-64";
                case 0xb7 -> ", ARM aarch64";
                case 0x03 -> ", Intel 80386";
                case 0x28 -> ", ARM";
                case 0xf3 -> ", UCB RISC-V";
                case 0 -> ", no machine";
                default -> "";
            };
            String abi = switch (h[7]) {
                case 0 -> " (SYSV)";
                case 3 -> " (GNU/Linux)";
                default -> "";
            };
            return "ELF " + cls + " " + end + " " + kind + arch + ", version " + (h[6] & 0xff) + abi;
        }
        if (starts(h, 0, 'a', 's', 'm') && h.length >= 8) {
            int v = (h[4] & 0xff) | (h[5] & 0xff) << 8 | (h[6] & 0xff) << 16 | (h[7] & 0xff) << 24;
            return "WebAssembly (wasm) binary module version 0x" + Integer.toHexString(v) + (v == 1 ? " (MVP)" : "");
        }
        if (starts(h, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n') && h.length >= 29) {
            int w = be32(h, 16), ht = be32(h, 20), depth = h[24] & 0xff, color = h[25] & 0xff;
            String c = switch (color) {
                case 0 -> depth + "-bit grayscale";
                case 2 -> depth + "-bit/color RGB";
                case 3 -> depth + "-bit colormap";
                case 4 -> depth + "-bit gray+alpha";
                case 6 -> depth + "-bit/color RGBA";
                default -> "unknown";
            };
            return "PNG image data, " + w + " x " + ht + ", " + c + ", " + (h[28] == 0 ? "non-interlaced" : "interlaced");
        }
        if (starts(h, 'G', 'I', 'F', '8') && h.length >= 10) {
            return "GIF image data, version " + new String(h, 3, 3, StandardCharsets.ISO_8859_1) + ", "
                    + ((h[6] & 0xff) | (h[7] & 0xff) << 8) + " x " + ((h[8] & 0xff) | (h[9] & 0xff) << 8);
        }
        if (starts(h, 0xff, 0xd8, 0xff)) return jpeg(h);
        if (starts(h, 0x1f, 0x8b) && h.length >= 10) return gzip(h, tail, zone);
        if (starts(h, 'P', 'K', 3, 4) && h.length >= 10) {
            int version = (h[4] & 0xff) | (h[5] & 0xff) << 8;
            int method = (h[8] & 0xff) | (h[9] & 0xff) << 8;
            String m = switch (method) {
                case 0 -> "store";
                case 8 -> "deflate";
                case 12 -> "bzip2";
                case 14 -> "lzma";
                default -> Integer.toString(method);
            };
            return "Zip archive data, at least v" + version / 10 + "." + version % 10 + " to extract, compression method=" + m;
        }
        if (h.length >= 262 && new String(h, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar")) {
            return h[262] == ' ' ? "POSIX tar archive (GNU)" : "POSIX tar archive";
        }
        String text = textKind(h);
        if (text == null) return "data";
        if (starts(h, '#', '!')) {
            int nl = indexOf(h, '\n');
            String line = new String(h, 2, (nl < 0 ? h.length : nl) - 2, StandardCharsets.UTF_8).trim();
            String[] parts = line.split("\\s+");
            String interp = parts[0];
            if (interp.endsWith("/env") && parts.length > 1) interp = parts[1];
            String base = interp.substring(interp.lastIndexOf('/') + 1);
            String what = switch (base) {
                case "sh" -> "POSIX shell script";
                case "bash" -> "Bourne-Again shell script";
                case "python", "python3", "python2" -> "Python script";
                case "perl" -> "Perl script";
                case "node" -> "Node.js script";
                default -> "a " + line + " script";
            };
            return what + ", " + text + " executable";
        }
        if (Json.looksLike(h)) return "JSON text data";
        return text;
    }

    private static String gzip(byte[] h, byte[] tail, java.time.ZoneId zone) {
        StringBuilder sb = new StringBuilder("gzip compressed data");
        int flags = h[3] & 0xff;
        int off = 10;
        if ((flags & 4) != 0 && h.length > 12) off += 2 + ((h[10] & 0xff) | (h[11] & 0xff) << 8);
        if ((flags & 8) != 0 && off < h.length) {
            int end = off;
            while (end < h.length && h[end] != 0) end++;
            sb.append(", was \"").append(new String(h, off, end - off, StandardCharsets.ISO_8859_1)).append('"');
        }
        long mtime = (h[4] & 0xffL) | (h[5] & 0xffL) << 8 | (h[6] & 0xffL) << 16 | (h[7] & 0xffL) << 24;
        if (mtime != 0) {
            sb.append(", last modified: ").append(java.time.format.DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", java.util.Locale.US)
                    .format(java.time.Instant.ofEpochSecond(mtime).atZone(zone)));
        }
        if (h[8] == 2) sb.append(", max compression");
        else if (h[8] == 4) sb.append(", max speed");
        if (h[9] == 3) sb.append(", from Unix");
        else if (h[9] == 0) sb.append(", from FAT filesystem (MS-DOS, OS/2, NT)");
        int n = tail.length;
        if (n >= 4) {
            long size = (tail[n - 4] & 0xffL) | (tail[n - 3] & 0xffL) << 8 | (tail[n - 2] & 0xffL) << 16 | (tail[n - 1] & 0xffL) << 24;
            sb.append(", original size modulo 2^32 ").append(size);
        }
        return sb.toString();
    }

    private static String jpeg(byte[] h) {
        StringBuilder sb = new StringBuilder("JPEG image data");
        int i = 2;
        while (i + 4 <= h.length && (h[i] & 0xff) == 0xff) {
            int marker = h[i + 1] & 0xff;
            int len = (h[i + 2] & 0xff) << 8 | (h[i + 3] & 0xff);
            if (marker == 0xe0 && i + 16 <= h.length && new String(h, i + 4, 4, StandardCharsets.ISO_8859_1).equals("JFIF")) {
                int units = h[i + 11] & 0xff;
                int dx = (h[i + 12] & 0xff) << 8 | (h[i + 13] & 0xff), dy = (h[i + 14] & 0xff) << 8 | (h[i + 15] & 0xff);
                sb.append(", JFIF standard ").append(h[i + 9]).append('.').append(String.format("%02d", h[i + 10]))
                        .append(units == 0 ? ", aspect ratio" : units == 1 ? ", resolution (DPI)" : ", resolution (DPCM)")
                        .append(", density ").append(dx).append('x').append(dy).append(", segment length ").append(len);
            } else if ((marker == 0xc0 || marker == 0xc2) && i + 10 <= h.length) {
                sb.append(marker == 0xc0 ? ", baseline" : ", progressive").append(", precision ").append(h[i + 4] & 0xff)
                        .append(", ").append((h[i + 7] & 0xff) << 8 | (h[i + 8] & 0xff)).append('x')
                        .append((h[i + 5] & 0xff) << 8 | (h[i + 6] & 0xff)).append(", components ").append(h[i + 9] & 0xff);
                break;
            }
            if (marker == 0xda || len < 2) break;
            i += 2 + len;
        }
        return sb.toString();
    }

    /** "ASCII text", "Unicode text, UTF-8 text" with file's line-terminator notes; null for binary. */
    private static String textKind(byte[] h) {
        boolean ascii = true, crlf = false, lf = false, cr = false;
        int longest = 0, cur = 0;
        for (int i = 0; i < h.length; i++) {
            int c = h[i] & 0xff;
            if (c == '\n') {
                if (i > 0 && h[i - 1] == '\r') crlf = true;
                else lf = true;
                longest = Math.max(longest, cur);
                cur = 0;
                continue;
            }
            cur++;
            if (c == '\r') {
                if (i + 1 >= h.length || h[i + 1] != '\n') cr = true;
                continue;
            }
            if (c >= 0x80) ascii = false;
            else if (c < 32 && c != '\t' && c != '\f' && c != 8 && c != 27) return null;
            else if (c == 127) return null;
        }
        longest = Math.max(longest, cur);
        String kind;
        if (ascii) {
            kind = "ASCII text";
        } else {
            var dec = StandardCharsets.UTF_8.newDecoder();
            try {
                dec.decode(java.nio.ByteBuffer.wrap(h));
            } catch (java.nio.charset.CharacterCodingException e) {
                boolean iso = true;
                for (byte b : h) if ((b & 0xff) >= 0x80 && (b & 0xff) < 0xa0) iso = false;
                return lineNotes(iso ? "ISO-8859 text" : "Non-ISO extended-ASCII text", longest, crlf, lf, cr);
            }
            kind = "Unicode text, UTF-8 text";
        }
        return lineNotes(kind, longest, crlf, lf, cr);
    }

    private static String lineNotes(String kind, int longest, boolean crlf, boolean lf, boolean cr) {
        if (longest > 300) kind += ", with very long lines (" + longest + ")";
        if (crlf && !lf && !cr) kind += ", with CRLF line terminators";
        else if (crlf) kind += ", with CRLF, LF line terminators";
        else if (cr && !lf) kind += ", with CR line terminators";
        else if (!lf) kind += ", with no line terminators";
        return kind;
    }

    private static boolean starts(byte[] h, int... magic) {
        if (h.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((h[i] & 0xff) != magic[i]) return false;
        return true;
    }

    private static int be32(byte[] h, int o) {
        return (h[o] & 0xff) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff);
    }

    private static int indexOf(byte[] h, int c) {
        for (int i = 0; i < h.length; i++) if (h[i] == c) return i;
        return -1;
    }
}
