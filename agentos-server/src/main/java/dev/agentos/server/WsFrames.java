package dev.agentos.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * RFC 6455 framing for the preview proxy's side of a guest WebSocket: the server's Jetty speaks
 * WebSocket with the browser, and this codec speaks it with the guest over a VM socket, which no
 * library WebSocket client can reach (they dial host sockets).
 */
final class WsFrames {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private WsFrames() {}

    /** One frame as read: FIN, opcode and unmasked payload. */
    record Frame(boolean fin, int opcode, byte[] payload) {
        String text() { return new String(payload, StandardCharsets.UTF_8); }

        /** The close code of a close frame (1005 when it carries none). */
        int closeCode() { return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005; }

        String closeReason() { return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : ""; }
    }

    /** A fresh {@code Sec-WebSocket-Key}. */
    static String newKey() {
        byte[] k = new byte[16];
        RANDOM.nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    /** The {@code Sec-WebSocket-Accept} a server must answer to {@code key}. */
    static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }

    /** Reads one frame; a payload over {@code maxPayload} is refused. EOF before a frame is EOFException. */
    static Frame read(InputStream in, long maxPayload) throws IOException {
        int b0 = in.read();
        if (b0 < 0) throw new EOFException("connection closed");
        int b1 = readByte(in);
        boolean masked = (b1 & 0x80) != 0;
        long len = b1 & 0x7f;
        if (len == 126) len = ((long) readByte(in) << 8) | readByte(in);
        else if (len == 127) {
            len = 0;
            for (int i = 0; i < 8; i++) len = (len << 8) | readByte(in);
        }
        if (len < 0 || len > maxPayload) throw new IOException("frame of " + len + " bytes over the limit of " + maxPayload);
        byte[] mask = masked ? in.readNBytes(4) : null;
        byte[] payload = in.readNBytes((int) len);
        if (payload.length < len || (masked && mask.length < 4)) throw new EOFException("connection closed inside a frame");
        if (masked) for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
        return new Frame((b0 & 0x80) != 0, b0 & 0x0f, payload);
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException("connection closed inside a frame");
        return b;
    }

    /** Writes one final frame; clients mask (RFC 6455 §5.3), servers do not. */
    static void write(OutputStream out, int opcode, byte[] payload, boolean mask) throws IOException {
        int len = payload.length;
        ByteBuffer head = ByteBuffer.allocate(14);
        head.put((byte) (0x80 | opcode));
        int maskBit = mask ? 0x80 : 0;
        if (len < 126) head.put((byte) (maskBit | len));
        else if (len <= 0xffff) head.put((byte) (maskBit | 126)).putShort((short) len);
        else head.put((byte) (maskBit | 127)).putLong(len);
        byte[] body = payload;
        if (mask) {
            byte[] key = new byte[4];
            RANDOM.nextBytes(key);
            head.put(key);
            body = new byte[len];
            for (int i = 0; i < len; i++) body[i] = (byte) (payload[i] ^ key[i & 3]);
        }
        out.write(head.array(), 0, head.position());
        out.write(body);
        out.flush();
    }

    static byte[] closePayload(int code, String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(2 + Math.min(r.length, 123));
        b.putShort((short) code).put(r, 0, Math.min(r.length, 123));
        return b.array();
    }
}
