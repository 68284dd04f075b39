package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import java.io.ByteArrayOutputStream;

/** xxd (from vim): hex dumps in xxd's layout, plain (-p) and C include (-i) styles, and -r back. */
final class Xxd extends TextCommand {
    @Override String name() { return "xxd"; }

    @Override int usageStatus() { return 1; }

    @Override String packageName() { return "xxd"; }

    @Override Getopt options() {
        return Getopt.create().withArg('c', "cols", "c").withArg('g', "groupsize", "g").flag('p', "ps", "p").flag('p', "postscript", "p")
                .flag('p', "plain", "p").flag('r', "revert", "r").withArg('l', "len", "l").withArg('s', "seek", "s").flag('u', null, "u")
                .flag('i', "include", "i").flag('b', "bits", "b").flag('e', null, "e");
    }

    private static long number(String v) {
        String s = v.strip();
        boolean neg = s.startsWith("-");
        if (neg || s.startsWith("+")) s = s.substring(1);
        long n;
        if (s.startsWith("0x") || s.startsWith("0X")) n = Long.parseLong(s.substring(2), 16);
        else if (s.length() > 1 && s.startsWith("0")) n = Long.parseLong(s.substring(1), 8);
        else {
            int end = 0;
            while (end < s.length() && Character.isDigit(s.charAt(end))) end++;
            n = end == 0 ? 0 : Long.parseLong(s.substring(0, end));
        }
        return neg ? -n : n;
    }

    @Override int execute(Run r) {
        var ops = r.operands();
        if (ops.size() > 2) throw r.usage(1, null);
        String in = ops.isEmpty() ? "-" : ops.get(0);
        int fd;
        try {
            fd = TextIo.open(r.ctx, in);
        } catch (AgentOsException e) {
            throw r.fail(2, in + ": " + TextIo.reason(e));
        }
        byte[] all;
        try {
            all = TextIo.readAll(r.ctx, fd);
        } finally {
            TextIo.close(r.ctx, fd);
        }
        boolean plain = r.has("p"), upper = r.has("u"), bits = r.has("b");
        if (r.has("r")) {
            r.write(revert(all, plain));
            return 0;
        }
        int cols = r.last("c").map(v -> (int) number(v)).orElse(plain ? 30 : r.has("i") ? 12 : bits ? 6 : 16);
        if (cols <= 0) cols = plain ? 30 : 16;
        int group = r.last("g").map(v -> (int) number(v)).orElse(bits ? 1 : 2);
        if (group <= 0 || group > cols) group = cols;
        long seek = r.last("s").map(Xxd::number).orElse(0L);
        int start = (int) Math.max(0, Math.min(all.length, seek < 0 ? all.length + seek : seek));
        int end = all.length;
        if (r.last("l").isPresent()) end = (int) Math.min(end, start + Math.max(0, number(r.last("l").get())));
        String hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        StringBuilder sb = new StringBuilder();
        if (r.has("i")) {
            boolean stdin = in.equals("-");
            String var = stdin ? null : in.replaceAll("[^A-Za-z0-9]", "_");
            if (var != null && Character.isDigit(var.charAt(0))) var = "__" + var;
            if (var != null) sb.append("unsigned char ").append(var).append("[] = {\n");
            for (int i = start; i < end; i++) {
                if ((i - start) % cols == 0) sb.append("  ");
                sb.append("0x").append(hex.charAt((all[i] >> 4) & 15)).append(hex.charAt(all[i] & 15));
                if (i + 1 < end) sb.append((i - start + 1) % cols == 0 ? ",\n" : ", ");
            }
            if (end > start) sb.append('\n');
            if (var != null) sb.append("};\nunsigned int ").append(var).append("_len = ").append(end - start).append(";\n");
            r.print(sb.toString());
            return 0;
        }
        if (plain) {
            for (int i = start; i < end; i++) {
                sb.append(hex.charAt((all[i] >> 4) & 15)).append(hex.charAt(all[i] & 15));
                if ((i - start + 1) % cols == 0 || i + 1 == end) sb.append('\n');
            }
            r.print(sb.toString());
            return 0;
        }
        int perByte = bits ? 8 : 2;
        int grplen = perByte * group + 1;
        char[] line = new char[12 + grplen * cols / group + cols + 16 + 8 * cols];
        for (int off = start; off < end; off += cols) {
            java.util.Arrays.fill(line, ' ');
            String addr = String.format("%08x:", (long) off);
            addr.getChars(0, addr.length(), line, 0);
            int addrLen = addr.length();
            int n = Math.min(cols, end - off);
            int c = 0;
            for (int p = 0; p < n; p++) {
                int e = all[off + p] & 0xff;
                int x = r.has("e") ? p ^ (group - 1) : p;
                c = addrLen + 1 + (grplen * x) / group;
                if (bits) {
                    for (int k = 7; k >= 0; k--) line[c++] = (e >> k & 1) == 1 ? '1' : '0';
                } else {
                    line[c] = hex.charAt(e >> 4);
                    line[c + 1] = hex.charAt(e & 15);
                }
                c = addrLen + 3 + (grplen * cols - 1) / group + p;
                line[c++] = e > 31 && e < 127 ? (char) e : '.';
            }
            sb.append(line, 0, c).append('\n');
            if (sb.length() > TextIo.BLOCK) {
                r.print(sb.toString());
                sb.setLength(0);
            }
        }
        r.print(sb.toString());
        return 0;
    }

    /** -r: hex back to bytes (normal dumps: address, then up to 16 bytes of hex before the text). */
    private static byte[] revert(byte[] all, boolean plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int hi = -1;
        if (plain) {
            for (byte b : all) {
                int d = Character.digit(b, 16);
                if (d < 0) continue;
                if (hi < 0) hi = d;
                else { out.write(hi << 4 | d); hi = -1; }
            }
            return out.toByteArray();
        }
        String text = new String(all, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            int spaces = 0;
            hi = -1;
            for (int i = colon + 1; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == ' ') {
                    if (++spaces >= 2 && hi < 0 && i > colon + 2) break;
                    continue;
                }
                spaces = 0;
                int d = Character.digit(ch, 16);
                if (d < 0) break;
                if (hi < 0) hi = d;
                else { out.write(hi << 4 | d); hi = -1; }
            }
        }
        return out.toByteArray();
    }
}
