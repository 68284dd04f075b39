package dev.agentos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `agentos serve` in its own JVM: it says where it listens, and answers the wire protocol there. */
class ServeCommandTest {
    @org.junit.jupiter.api.io.TempDir Path data;

    @Test void serveListensOnLoopbackAndRunsActions() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // sqlite-jdbc loads its native library: allowed up front, so no warning precedes the server's line.
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                AgentOsCli.class.getName(), "serve", "--port", "0", "--data-dir", data.toString());
        pb.environment().remove("AGENTOS_TOKEN");
        Process server = pb.start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8))) {
            String line = err.readLine();
            assertThat(line).contains("on 127.0.0.1 only");
            Matcher m = Pattern.compile("serving on port (\\d+)").matcher(line);
            assertThat(m.find()).isTrue();
            String base = "http://127.0.0.1:" + m.group(1);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/actors"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"vm\",\"key\":\"k1\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).isEqualTo(200);
            Matcher id = Pattern.compile("\"actor_id\"\\s*:\\s*\"([^\"]+)\"").matcher(put.body());
            assertThat(id.find()).isTrue();
            HttpResponse<String> exec = http.send(HttpRequest.newBuilder(URI.create(base + "/gateway/" + id.group(1) + "/action/execArgv"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"args\":[\"echo\",[\"hi\"]]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(exec.statusCode()).isEqualTo(200);
            assertThat(exec.body()).contains("\"stdout\":\"hi\\n\"");
        } finally {
            server.destroy();
            server.waitFor();
        }
    }
}
