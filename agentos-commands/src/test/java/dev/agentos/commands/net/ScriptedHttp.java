package dev.agentos.commands.net;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A scripted HTTP server's logic, independent of where its socket lives: answers the i-th
 * connection with the i-th canned response and records each request (head and body as received),
 * so a test can check what curl sent. {@link #HANG} holds the connection open until {@link #release}.
 */
final class ScriptedHttp {
    /** A response that never comes: the server holds the connection until released. */
    static final String HANG = "<hang>";

    private final List<String> responses;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final CountDownLatch listening = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    ScriptedHttp(String... responses) {
        this.responses = List.of(responses);
    }

    int count() { return responses.size(); }

    void release() { released.countDown(); }

    /** Reads one request and writes response {@code i}. */
    void answer(int i, InputStream raw, OutputStream out) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        StringBuilder request = new StringBuilder();
        String line;
        long length = 0;
        boolean chunked = false;
        while ((line = HttpWire.readLine(in)) != null) {
            request.append(line).append('\n');
            if (line.isEmpty()) break;
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) length = Long.parseLong(line.substring(15).strip());
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
        }
        InputStream body = chunked ? HttpWire.chunked(in) : HttpWire.fixedLength(in, length);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        body.transferTo(b);
        request.append(b.toString(StandardCharsets.UTF_8));
        requests.add(request.toString());
        String response = responses.get(i);
        if (response.equals(HANG)) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        out.write(response.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
