package dev.agentos.commands.data;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** base64 and base32 (RFC 4648): encode with wrapping, or decode (-d), optionally skipping garbage (-i). */
final class BaseEncode extends GnuCommand {
    private final String name;
    private final char[] alphabet;
    private final int groupBytes;  // 3 for base64, 5 for base32
    private final int groupChars;  // 4 for base64, 8 for base32
    private final int bitsPerChar;

    private BaseEncode(String name, String alphabet, int groupBytes, int groupChars, int bitsPerChar) {
        this.name = name;
        this.alphabet = alphabet.toCharArray();
        this.groupBytes = groupBytes;
        this.groupChars = groupChars;
        this.bitsPerChar = bitsPerChar;
    }

    static BaseEncode base64() {
        return new BaseEncode("base64", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 3, 4, 6);
    }

    static BaseEncode base32() {
        return new BaseEncode("base32", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 5, 8, 5);
    }

    @Override protected String name() { return name; }

    @Override protected String usage() {
        return "Usage: " + name + " [OPTION]... [FILE]\n"
                + (name.equals("base64") ? "Base64" : "Base32") + " encode or decode FILE, or standard input, to standard output.\n\n"
                + "With no FILE, or when FILE is -, read standard input.\n\n"
                + "Mandatory arguments to long options are mandatory for short options too.\n"
                + "  -d, --decode          decode data\n"
                + "  -i, --ignore-garbage  when decoding, ignore non-alphabet characters\n"
                + "  -w, --wrap=COLS       wrap encoded lines after COLS character (default 76).\n"
                + "                          Use 0 to disable line wrapping\n"
                + "      --help        display this help and exit\n"
                + "      --version     output version information and exit\n";
    }

    @Override protected Getopt options() {
        return Getopt.create().flag('d', "decode", "d").flag('i', "ignore-garbage", "i").withArg('w', "wrap", "w");
    }

    @Override protected int execute(Invocation inv) throws IOException {
        long wrap = 76;
        for (String w : inv.options().all("w")) {
            try {
                wrap = Long.parseLong(w);
                if (wrap < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                inv.error("invalid wrap size: " + Invocation.quote(w));
                return 1;
            }
        }
        if (inv.operands().size() > 1) {
            inv.error("extra operand " + Invocation.quote(inv.operands().get(1)) + "\nTry '" + name + " --help' for more information.");
            return 1;
        }
        String file = inv.operands().isEmpty() ? "-" : inv.operands().get(0);
        byte[] data;
        try (InputStream in = file.equals("-") ? VmFiles.stdin(inv.ctx()) : VmFiles.in(inv.ctx(), file)) {
            data = VmFiles.readAll(in);
        } catch (AgentOsException e) {
            inv.error(file, e);
            return 1;
        }
        if (inv.has("d")) return decode(inv, data, inv.has("i"));
        encode(inv.out(), data, wrap);
        return 0;
    }

    private void encode(OutputStream out, byte[] data, long wrap) throws IOException {
        StringBuilder sb = new StringBuilder();
        int mask = (1 << bitsPerChar) - 1;
        for (int i = 0; i < data.length; i += groupBytes) {
            int n = Math.min(groupBytes, data.length - i);
            long bits = 0;
            for (int j = 0; j < groupBytes; j++) bits = (bits << 8) | (j < n ? data[i + j] & 0xff : 0);
            int used = (n * 8 + bitsPerChar - 1) / bitsPerChar;
            for (int c = 0; c < groupChars; c++) {
                int shift = groupBytes * 8 - (c + 1) * bitsPerChar;
                sb.append(c < used ? alphabet[(int) (bits >>> shift) & mask] : '=');
            }
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (wrap == 0) {
            out.write(sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return;
        }
        for (int i = 0; i < sb.length(); i += (int) Math.min(wrap, Integer.MAX_VALUE)) {
            int end = (int) Math.min(sb.length(), i + wrap);
            b.write(sb.substring(i, end).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            b.write('\n');
        }
        b.writeTo(out);
    }

    private int decode(Invocation inv, byte[] data, boolean ignoreGarbage) throws IOException {
        int[] value = new int[256];
        java.util.Arrays.fill(value, -1);
        for (int i = 0; i < alphabet.length; i++) value[alphabet[i]] = i;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        char[] quad = new char[groupChars];
        int q = 0;
        boolean ok = true;
        for (byte raw : data) {
            int c = raw & 0xff;
            if (c == '\n') continue;
            if (value[c] < 0 && c != '=') {
                if (ignoreGarbage) continue;
                ok = false;
                break;
            }
            quad[q++] = (char) c;
            if (q == groupChars) {
                if (!decodeGroup(quad, groupChars, value, out)) {
                    ok = false;
                    q = 0;
                    break;
                }
                q = 0;
            }
        }
        if (q > 0) {
            // A group cut short (by the end or by garbage): decoded as far as it goes, then refused.
            decodeGroup(quad, q, value, out);
            ok = false;
        }
        out.writeTo(inv.out());
        if (!ok) {
            inv.error("invalid input");
            return 1;
        }
        return 0;
    }

    /** Decodes one group of {@code n} characters; false when its padding is malformed. */
    private boolean decodeGroup(char[] g, int n, int[] value, ByteArrayOutputStream out) {
        int chars = 0;
        while (chars < n && g[chars] != '=') chars++;
        for (int i = chars; i < n; i++) if (g[i] != '=') return false;
        if (n == groupChars && chars < groupChars) {
            // Valid padded lengths: base64 2 or 3 chars; base32 2, 4, 5 or 7 chars.
            int bytes = chars * bitsPerChar / 8;
            if (bytes == 0 || (bytes * 8 + bitsPerChar - 1) / bitsPerChar != chars) return false;
        }
        long bits = 0;
        for (int i = 0; i < groupChars; i++) bits = (bits << bitsPerChar) | (i < chars ? value[g[i]] : 0);
        int bytes = chars * bitsPerChar / 8;
        for (int i = 0; i < bytes; i++) out.write((int) (bits >>> ((groupBytes - 1 - i) * 8)) & 0xff);
        return true;
    }
}
