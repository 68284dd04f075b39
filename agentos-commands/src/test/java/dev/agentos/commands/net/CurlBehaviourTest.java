package dev.agentos.commands.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.commands.CommandDiff.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** curl behaviours with no deterministic host counterpart: timeouts, stdin uploads, https, bad URLs. */
class CurlBehaviourTest {
    private final NetVm vm = new NetVm();

    @AfterEach void close() { vm.close(); }

    @Test void maxTimeEndsASilentServerWith28() throws Exception {
        ScriptedHttp script = new ScriptedHttp(ScriptedHttp.HANG);
        vm.serve(script, 9100);
        Outcome out = vm.run("curl", "-sS", "--max-time", "0.3", "localhost:9100/slow");
        script.release();
        assertThat(out.exitCode()).isEqualTo(28);
        assertThat(out.stderr()).matches("curl: \\(28\\) Operation timed out after \\d+ milliseconds with 0 bytes received\\n");
    }

    @Test void uploadFromStdinIsChunked() throws Exception {
        ScriptedHttp script = new ScriptedHttp("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
        vm.serve(script, 9101);
        Outcome out = vm.runWithStdin("streamed body\n", "curl", "-s", "-T", "-", "-w", "%{http_code}", "localhost:9101/up");
        assertThat(out).isEqualTo(new Outcome(0, "201", ""));
        assertThat(script.requests.getFirst()).startsWith("PUT /up HTTP/1.1\n").contains("Transfer-Encoding: chunked\n")
                .endsWith("\n\nstreamed body\n");
    }

    @Test void postToAGuestServerWithJson() throws Exception {
        ScriptedHttp script = new ScriptedHttp("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}");
        vm.serve(script, 9102);
        assertThat(vm.run("curl", "-s", "--json", "{\"q\":1}", "localhost:9102/api")).isEqualTo(new Outcome(0, "{\"ok\":true}", ""));
        assertThat(script.requests.getFirst()).contains("Content-Type: application/json\nAccept: application/json\n")
                .endsWith("\n\n{\"q\":1}");
    }

    /** https connects like http before its handshake (handshakes themselves: HttpsFromGuestsTest in core). */
    @Test void httpsToAPortNobodyListensOnIsCurlStatus7() {
        Outcome out = vm.run("curl", "-sS", "https://localhost:9443/");
        assertThat(out.exitCode()).isEqualTo(7);
        assertThat(out.stderr()).startsWith("curl: (7) Failed to connect to localhost port 9443 after ");
    }

    @Test void hostsOutsideTheVmAreDeniedByTheEgressPolicy() {
        Outcome out = vm.run("curl", "-sS", "http://example.com/");
        assertThat(out.exitCode()).isEqualTo(7);
        assertThat(out.stderr()).startsWith("curl: (7) Failed to connect to example.com port 80 after ")
                .contains("Couldn't connect to server (EACCES");
    }

    @Test void badUrlsAndMissingRemoteNames() {
        assertThat(vm.run("curl", "-s", "http://:80/")).isEqualTo(new Outcome(3, "", ""));
        assertThat(vm.run("curl", "-O", "localhost:1/")).isEqualTo(new Outcome(23, "",
                "curl: Remote file name has no length!\ncurl: try 'curl --help' or 'curl --manual' for more information\n"));
    }

    @Test void verboseShowsRedirectHops() throws Exception {
        ScriptedHttp script = new ScriptedHttp("HTTP/1.1 302 Found\r\nLocation: /b\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        vm.serve(script, 9103);
        Outcome out = vm.run("curl", "-svL", "localhost:9103/a");
        assertThat(out.stdout()).isEqualTo("ok");
        assertThat(out.stderr()).contains("> GET /a HTTP/1.1\r\n", "< HTTP/1.1 302 Found\r\n",
                "* Issue another request to this URL: 'http://localhost:9103/b'\n", "> GET /b HTTP/1.1\r\n", "< HTTP/1.1 200 OK\r\n");
    }
}
