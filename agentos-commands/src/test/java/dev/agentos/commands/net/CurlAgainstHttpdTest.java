package dev.agentos.commands.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.commands.CommandDiff.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** httpd and curl, both guests of one VM: httpd detaches and serves files, curl fetches them. */
class CurlAgainstHttpdTest {
    private final NetVm vm = new NetVm();

    @BeforeEach void serve() {
        vm.dir("srv").file("srv/a.txt", "hello\n").file("srv/index.html", "<h1>home</h1>\n").dir("srv/sub")
                .file("srv/data.json", "{\"a\":1}\n");
        Outcome started = vm.run("httpd", "-p", "8080", "-h", "srv");
        assertThat(started).isEqualTo(new Outcome(0, "", ""));
    }

    @AfterEach void close() { vm.close(); }

    @Test void fetchesAFileFromAGuestServer() {
        assertThat(vm.run("curl", "-s", "localhost:8080/a.txt")).isEqualTo(new Outcome(0, "hello\n", ""));
        assertThat(vm.run("curl", "-s", "http://127.0.0.1:8080/")).isEqualTo(new Outcome(0, "<h1>home</h1>\n", ""));
    }

    @Test void headShowsTheHeadersOnly() {
        Outcome head = vm.run("curl", "-sI", "localhost:8080/data.json");
        assertThat(head.exitCode()).isZero();
        assertThat(head.stdout()).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Type: application/json\r\n")
                .contains("Content-Length: 8\r\n").endsWith("\r\n\r\n");
    }

    @Test void includePutsHeadersBeforeTheBody() {
        Outcome out = vm.run("curl", "-si", "localhost:8080/a.txt");
        assertThat(out.stdout()).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Type: text/plain; charset=utf-8\r\n").endsWith("\r\n\r\nhello\n");
    }

    @Test void missingFilesAre404AndFailMakesThemExit22() {
        Outcome plain = vm.run("curl", "-s", "-w", "%{http_code}\n", "localhost:8080/nope");
        assertThat(plain.exitCode()).isZero();
        assertThat(plain.stdout()).contains("404 Not Found").endsWith("404\n");
        assertThat(vm.run("curl", "-sf", "localhost:8080/nope")).isEqualTo(new Outcome(22, "", ""));
        assertThat(vm.run("curl", "-sSf", "localhost:8080/nope"))
                .isEqualTo(new Outcome(22, "", "curl: (22) The requested URL returned error: 404\n"));
    }

    @Test void directoryWithoutSlashRedirectsAndLocationFollows() {
        vm.file("srv/sub/index.html", "sub\n");
        assertThat(vm.run("curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}", "localhost:8080/sub"))
                .isEqualTo(new Outcome(0, "302 http://localhost:8080/sub/", ""));
        assertThat(vm.run("curl", "-sL", "-w", "%{num_redirects} %{url_effective}\n", "localhost:8080/sub"))
                .isEqualTo(new Outcome(0, "sub\n1 http://localhost:8080/sub/\n", ""));
    }

    @Test void directoryWithoutIndexIsForbidden() {
        assertThat(vm.run("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "localhost:8080/sub/")).isEqualTo(new Outcome(0, "404", ""));
    }

    @Test void rangeRequestsGetPartialContent() {
        assertThat(vm.run("curl", "-s", "-H", "Range: bytes=1-3", "-w", " %{http_code}", "localhost:8080/a.txt"))
                .isEqualTo(new Outcome(0, "ell 206", ""));
    }

    @Test void outputFilesAndRemoteNames() {
        assertThat(vm.run("curl", "-s", "-o", "copy.txt", "localhost:8080/a.txt")).isEqualTo(new Outcome(0, "", ""));
        assertThat(vm.read("copy.txt")).isEqualTo("hello\n");
        assertThat(vm.run("curl", "-sO", "localhost:8080/data.json")).isEqualTo(new Outcome(0, "", ""));
        assertThat(vm.read("data.json")).isEqualTo("{\"a\":1}\n");
        assertThat(vm.run("curl", "-sf", "-o", "never.txt", "localhost:8080/nope").exitCode()).isEqualTo(22);
        assertThat(vm.exists("never.txt")).isFalse();
    }

    @Test void refusedConnectionsExit7WithCurlsMessage() {
        Outcome refused = vm.run("curl", "localhost:8081/");
        assertThat(refused.exitCode()).isEqualTo(7);
        assertThat(refused.stdout()).isEmpty();
        // the milliseconds are the connect's real duration (0 or 1 on loopback)
        assertThat(refused.stderr()).matches("curl: \\(7\\) Failed to connect to localhost port 8081 after \\d+ ms: Couldn't connect to server\n");
        assertThat(vm.run("curl", "-s", "localhost:8081/")).isEqualTo(new Outcome(7, "", ""));
    }

    @Test void manyClientsAtOnce() throws Exception {
        var results = new java.util.ArrayList<java.util.concurrent.CompletableFuture<Outcome>>();
        for (int i = 0; i < 20; i++) {
            results.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> vm.run("curl", "-s", "localhost:8080/a.txt")));
        }
        for (var r : results) assertThat(r.get()).isEqualTo(new Outcome(0, "hello\n", ""));
    }

    @Test void secondServerOnTheSamePortFails() {
        assertThat(vm.run("httpd", "-p", "8080", "-h", "srv")).isEqualTo(new Outcome(1, "", "httpd: bind: Address already in use\n"));
    }
}
