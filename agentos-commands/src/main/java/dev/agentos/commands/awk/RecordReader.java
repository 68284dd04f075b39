package dev.agentos.commands.awk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads records from a byte stream: by a single separator byte (scanning bytes, the fast path),
 * in paragraph mode (RS = ""), or by a regex (gawk's multi-character RS). Sets {@link #rt}.
 */
final class RecordReader {
    private final InputStream in;
    private byte[] buf = new byte[64 * 1024];
    private int pos, lim;
    private boolean eof;
    private boolean started;
    /** The text that ended the last record (gawk's RT). */
    String rt = "";

    RecordReader(InputStream in) { this.in = in; }

    private boolean fill() {
        if (eof) return false;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        try {
            int n = in.read(buf, lim, buf.length - lim);
            if (n <= 0) {
                eof = true;
                return false;
            }
            lim += n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next record for separator {@code rs} (its compiled form in {@code rsPattern} when longer than one char). */
    String read(String rs, Pattern rsPattern) {
        if (rs.length() == 1) return readByte((byte) rs.charAt(0));
        if (rs.isEmpty()) return readParagraph();
        return readRegex(rsPattern);
    }

    private String readByte(byte sep) {
        int scanFrom = pos;
        while (true) {
            for (int i = scanFrom; i < lim; i++) {
                if (buf[i] == sep) {
                    String s = new String(buf, pos, i - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    rt = sep == '\n' ? "\n" : String.valueOf((char) (sep & 0xff));
                    return s;
                }
            }
            int scanned = lim - pos;
            if (!fill()) {
                if (lim > pos) {
                    String s = new String(buf, pos, lim - pos, StandardCharsets.ISO_8859_1);
                    pos = lim;
                    rt = "";
                    return s;
                }
                return null;
            }
            scanFrom = pos + scanned;
        }
    }

    private String window() { return new String(buf, pos, lim - pos, StandardCharsets.ISO_8859_1); }

    private static final Pattern PARAGRAPH = Pattern.compile("\n\n+");

    private String readParagraph() {
        // leading newlines are skipped
        while (true) {
            while (pos < lim && buf[pos] == '\n') pos++;
            if (pos < lim || !fill()) break;
        }
        if (pos >= lim) return null;
        String r = readRegex(PARAGRAPH);
        if (r != null && rt.isEmpty()) {
            // at end of input, trailing newlines end the record
            int end = r.length();
            while (end > 0 && r.charAt(end - 1) == '\n') end--;
            rt = r.substring(end);
            r = r.substring(0, end);
        }
        return r;
    }

    private String readRegex(Pattern p) {
        while (true) {
            if (pos >= lim && !fill()) return null;
            String w = window();
            Matcher m = p.matcher(w);
            boolean found = m.find();
            while (found && m.end() == m.start()) found = m.find();
            if (found && (eof || (!m.hitEnd() && m.end() < w.length()))) {
                String s = w.substring(0, m.start());
                rt = m.group();
                pos += m.end();
                return s;
            }
            if (!fill()) {
                if (found) {
                    String s = w.substring(0, m.start());
                    rt = m.group();
                    pos += m.end();
                    return s;
                }
                pos = lim;
                rt = "";
                return w;
            }
        }
    }
}
