package dev.agentos.commands.data;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.Errno;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The -c mode of the *sum commands: reads "HASH  name" (or BSD tag) lines and verifies each file. */
final class SumCheck {
    private final Invocation inv;
    private final Digester algo;
    private final boolean quiet, status, strict, warn, ignoreMissing;

    SumCheck(Invocation inv, Digester algo) {
        this.inv = inv;
        this.algo = algo;
        this.quiet = inv.has("quiet");
        this.status = inv.has("status");
        this.strict = inv.has("strict");
        this.warn = inv.has("w");
        this.ignoreMissing = inv.has("ignore-missing");
    }

    private record Entry(String hex, String file, int bits) {}

    boolean checkFile(String listFile) throws IOException {
        byte[] content;
        try (InputStream in = listFile.equals("-") ? VmFiles.stdin(inv.ctx()) : VmFiles.in(inv.ctx(), listFile)) {
            content = VmFiles.readAll(in);
        } catch (AgentOsException e) {
            inv.error(listFile, e);
            return false;
        }
        String shownList = listFile.equals("-") ? "standard input" : listFile;
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
        int count = lines.length;
        if (count > 0 && lines[count - 1].isEmpty()) count--;
        int misformatted = 0, readFailures = 0, mismatched = 0, good = 0, verified = 0;
        for (int i = 0; i < count; i++) {
            String line = lines[i];
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            if (line.startsWith("#")) continue;
            Entry e = parse(line);
            if (e == null) {
                misformatted++;
                if (warn) {
                    inv.error(shownList + ": " + (i + 1) + ": improperly formatted " + algo.tagName().replaceAll("-\\d+$", "") + " checksum line");
                }
                continue;
            }
            good++;
            Digester d = algo.isBlake() ? algo.withBits(e.bits) : algo;
            String actual;
            try (InputStream in = e.file.equals("-") ? VmFiles.stdin(inv.ctx()) : VmFiles.in(inv.ctx(), e.file)) {
                actual = d.hex(in);
            } catch (AgentOsException ex) {
                if (ignoreMissing && ex.is(Errno.ENOENT)) continue;
                inv.error(e.file, ex);
                readFailures++;
                if (!status) inv.print(e.file + ": FAILED open or read\n");
                continue;
            }
            verified++;
            boolean match = actual.equals(e.hex.toLowerCase(Locale.ROOT));
            if (!match) mismatched++;
            if (!status && (!match || !quiet)) inv.print(e.file + ": " + (match ? "OK" : "FAILED") + "\n");
        }
        if (good == 0) {
            inv.error(shownList + ": no properly formatted checksum lines found");
            return false;
        }
        if (!status) {
            if (misformatted > 0) {
                inv.error("WARNING: " + misformatted + (misformatted == 1 ? " line is" : " lines are") + " improperly formatted");
            }
            if (readFailures > 0) {
                inv.error("WARNING: " + readFailures + (readFailures == 1 ? " listed file could not be read" : " listed files could not be read"));
            }
            if (mismatched > 0) {
                inv.error("WARNING: " + mismatched + (mismatched == 1 ? " computed checksum did NOT match" : " computed checksums did NOT match"));
            }
            if (ignoreMissing && verified == 0) inv.error(shownList + ": no file was verified");
        }
        return mismatched == 0 && readFailures == 0 && (!strict || misformatted == 0) && (!ignoreMissing || verified > 0);
    }

    private Entry parse(String line) {
        boolean escaped = line.startsWith("\\");
        if (escaped) line = line.substring(1);
        int s = 0;
        while (s < line.length() && (line.charAt(s) == ' ' || line.charAt(s) == '\t')) s++;
        line = line.substring(s);
        String tagPrefix = algo.tag();
        if (line.startsWith(tagPrefix)) {
            String rest = line.substring(tagPrefix.length());
            int bits = algo.bits();
            if (algo.isBlake() && rest.startsWith("-")) {
                int sp = rest.indexOf(' ');
                if (sp < 0) return null;
                try {
                    bits = Integer.parseInt(rest.substring(1, sp).trim());
                } catch (NumberFormatException e) {
                    return null;
                }
                rest = rest.substring(sp);
            }
            if (rest.startsWith(" (")) {
                int eq = rest.lastIndexOf(") = ");
                if (eq < 0) return null;
                String file = rest.substring(2, eq);
                String hex = rest.substring(eq + 4);
                if (!validHex(hex, bits)) return null;
                return new Entry(hex, escaped ? unescape(file) : file, bits);
            }
        }
        int sp = line.indexOf(' ');
        if (sp < 0) return null;
        String hex = line.substring(0, sp);
        int bits = algo.isBlake() ? hex.length() * 4 : algo.bits();
        if (!validHex(hex, bits) || (algo.isBlake() && (bits > 512 || bits % 8 != 0))) return null;
        if (sp + 1 >= line.length()) return null;
        char mode = line.charAt(sp + 1);
        if (mode != ' ' && mode != '*') return null;
        String file = line.substring(sp + 2);
        if (file.isEmpty()) return null;
        if (escaped) {
            file = unescape(file);
            if (file == null) return null;
        }
        return new Entry(hex, file, bits);
    }

    private static boolean validHex(String hex, int bits) {
        if (hex.length() != bits / 4 || hex.isEmpty()) return false;
        for (char c : hex.toCharArray()) if (Character.digit(c, 16) < 0) return false;
        return true;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++i >= s.length()) return null;
            switch (s.charAt(i)) {
                case '\\' -> sb.append('\\');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                default -> { return null; }
            }
        }
        return sb.toString();
    }
}
