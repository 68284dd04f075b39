package dev.agentos.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.protocol.Json;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A client that stops reading is disconnected once its queue passes the bound; nothing is lost for good. */
class SlowWebSocketClientTest {
    @Test void aClientThatDoesNotReadIsDisconnectedWithAReasonAndCanReplay() throws Exception {
        try (ServerHarness h = new ServerHarness(ServerConfig.DEFAULT); Socket raw = new Socket()) {
            h.server.wsMaxQueuedBytes = 64 * 1024;
            h.server.wsCloseGrace = Duration.ofMinutes(2);
            String actor = h.createActor("slow", null);
            raw.setReceiveBufferSize(4096);
            raw.connect(new InetSocketAddress("127.0.0.1", h.server.port()));
            OutputStream out = raw.getOutputStream();
            out.write(("GET /gateway/" + actor + "/connect HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + WsFrames.newKey() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = raw.getInputStream();
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 101");
            assertThat(WsFrames.read(in, 1 << 20).text()).contains("\"hello\"");

            // 6 MB of output while the client reads nothing: far more than the socket buffers and the bound
            JsonNode spawned = Json.MAPPER.readTree(h.send("POST", "/gateway/" + actor + "/action/spawn",
                    "{\"args\":[\"head\",[\"-c\",\"6000000\",\"/dev/zero\"]]}", null).body());
            int pid = spawned.get("output").get("pid").intValue();
            assertThat(h.send("POST", "/gateway/" + actor + "/action/waitProcess", "{\"args\":[" + pid + "]}", null).body())
                    .isEqualTo("{\"output\":0}");

            long received = 0;
            WsFrames.Frame f;
            while ((f = WsFrames.read(in, 64L << 20)).opcode() != WsFrames.CLOSE) received += f.payload().length;
            assertThat(f.closeCode()).isEqualTo(WsConnection.SLOW_CLIENT);
            assertThat(f.closeReason()).startsWith("client too slow");
            assertThat(received).isLessThan(6_000_000L);

            JsonNode page = Json.MAPPER.readTree(h.send("POST", "/gateway/" + actor + "/action/readProcessOutput",
                    "{\"args\":[" + pid + ",0]}", null).body()).get("output");
            assertThat(page.get("exitCode").intValue()).isZero();
            assertThat(page.get("chunks").size()).isPositive();
        }
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder b = new StringBuilder();
        while (!b.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) throw new AssertionError("closed during handshake: " + b);
            b.append((char) c);
        }
        return b.toString();
    }
}
