package dev.agentos.commands.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The HTTP/1.1 message syntax both ends share: lines, header blocks and the three body framings. */
final class HttpWire {
    /** Longest header line accepted: a peer sending more is broken or hostile. */
    static final int MAX_LINE = 64 * 1024;
    static final int MAX_FIELDS = 200;

    private HttpWire() {}

    /** A CRLF- or LF-terminated line without its terminator; null at EOF before any byte. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') break;
            if (line.size() >= MAX_LINE) throw new IOException("header line too long");
            line.write(c);
        }
        if (c < 0 && line.size() == 0) return null;
        byte[] b = line.toByteArray();
        int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
        return new String(b, 0, len, StandardCharsets.ISO_8859_1);
    }

    /** Header fields up to the empty line; obsolete folded lines join the previous field. */
    static HttpHeaders readFields(InputStream in) throws IOException {
        List<HttpHeaders.Field> fields = new ArrayList<>();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
                HttpHeaders.Field last = fields.removeLast();
                fields.add(new HttpHeaders.Field(last.name(), last.value() + " " + line.strip()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) throw new IOException("malformed header line: " + line);
            if (fields.size() >= MAX_FIELDS) throw new IOException("too many header fields");
            fields.add(new HttpHeaders.Field(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        if (line == null) throw new IOException("connection closed in the header");
        return new HttpHeaders(fields);
    }

    static void writeAscii(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Exactly {@code length} bytes, then EOF; a premature end is an error (the peer lied or died). */
    static InputStream fixedLength(InputStream in, long length) {
        return new InputStream() {
            private long left = length;

            @Override public int read() throws IOException {
                byte[] b = new byte[1];
                return read(b, 0, 1) <= 0 ? -1 : b[0] & 0xff;
            }

            @Override public int read(byte[] b, int off, int len) throws IOException {
                if (left == 0) return -1;
                if (len == 0) return 0;
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n < 0) throw new PrematureEnd(left);
                left -= n;
                return n;
            }

            @Override public int available() throws IOException {
                return (int) Math.min(in.available(), left);
            }
        };
    }

    /** The body closed before its declared length: curl's "transfer closed with N bytes remaining". */
    static final class PrematureEnd extends IOException {
        private static final long serialVersionUID = 1L;
        final long remaining;

        PrematureEnd(long remaining) {
            super("transfer closed with " + remaining + " bytes remaining to read");
            this.remaining = remaining;
        }
    }

    /** Decodes chunked transfer coding (RFC 9112 7.1), discarding extensions and trailers. */
    static InputStream chunked(InputStream in) {
        return new InputStream() {
            private long left;
            private boolean done;

            @Override public int read() throws IOException {
                byte[] b = new byte[1];
                return read(b, 0, 1) <= 0 ? -1 : b[0] & 0xff;
            }

            @Override public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) return 0;
                if (done) return -1;
                if (left == 0) {
                    String size = readLine(in);
                    if (size == null) throw new IOException("transfer closed with outstanding read data remaining");
                    int semi = size.indexOf(';');
                    String hex = (semi < 0 ? size : size.substring(0, semi)).strip();
                    try {
                        left = Long.parseLong(hex, 16);
                    } catch (NumberFormatException e) {
                        throw new IOException("invalid chunk size: '" + hex + "'");
                    }
                    if (left < 0) throw new IOException("invalid chunk size: '" + hex + "'");
                    if (left == 0) {
                        readFields(in); // trailers
                        done = true;
                        return -1;
                    }
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n < 0) throw new IOException("transfer closed with outstanding read data remaining");
                left -= n;
                if (left == 0) readLine(in); // the CRLF after the chunk data
                return n;
            }
        };
    }

    /** Encodes what is written as chunks; close writes the last chunk (and leaves {@code out} open). */
    static OutputStream chunkedOutput(OutputStream out) {
        return new OutputStream() {
            private boolean closed;

            @Override public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override public void write(byte[] b, int off, int len) throws IOException {
                if (len == 0) return;
                writeAscii(out, Integer.toHexString(len) + "\r\n");
                out.write(b, off, len);
                writeAscii(out, "\r\n");
            }

            @Override public void flush() throws IOException {
                out.flush();
            }

            @Override public void close() throws IOException {
                if (closed) return;
                closed = true;
                writeAscii(out, "0\r\n\r\n");
                out.flush();
            }
        };
    }
}
