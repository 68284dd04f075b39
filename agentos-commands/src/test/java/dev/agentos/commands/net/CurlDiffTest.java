package dev.agentos.commands.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import dev.agentos.commands.CommandDiff.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * curl in the VM against the host's real curl: the same scripted server on both sides (a guest on a
 * VM port, a host socket on the same port number), so the requests each curl sent and the output
 * each printed compare byte for byte.
 */
class CurlDiffTest {
    private final NetVm vm = new NetVm();

    @BeforeEach void hostCurl() { assumeTrue(CommandDiff.hostHas("curl")); }

    @AfterEach void close() { vm.close(); }

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n";
    private static final String CHUNKED = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "3\r\nabc\r\n4;ext=1\r\ndefg\r\n0\r\nX-Trailer: t\r\n\r\n";

    /** Runs argv ("URL" replaced by the server's base URL) on both sides, each against its own copy of the script. */
    private void same(String[] responses, String... argv) throws Exception {
        ScriptedHttp hostScript = new ScriptedHttp(responses);
        ScriptedHttp vmScript = new ScriptedHttp(responses);
        try (HostScriptedServer host = new HostScriptedServer(hostScript)) {
            var server = vm.serve(vmScript, host.port());
            List<String> args = new ArrayList<>();
            for (String a : argv) args.add(a.replace("URL", "http://127.0.0.1:" + host.port()));
            Outcome hostOut = vm.diff.host("", args);
            Outcome vmOut = vm.diff.vm("", args);
            assertThat(vmOut).as("VM vs host output of %s", args).isEqualTo(hostOut);
            assertThat(vmScript.requests).as("requests sent by %s", args).isEqualTo(hostScript.requests);
            try {
                vm.diff.kernel().processes().kill(server.pid(), dev.agentos.kernel.Signal.SIGKILL);
            } catch (dev.agentos.AgentOsException alreadyDone) {
                // the server answered its whole script and exited
            }
        }
    }

    private static String[] r(String... responses) { return responses; }

    @Test void plainGet() throws Exception {
        same(r(OK), "curl", "-s", "URL/a.txt");
        same(r(OK), "curl", "-s", "URL/a.txt?x=1&y=2");
        same(r(OK), "curl", "-s", "URL");
    }

    @Test void includeAndHead() throws Exception {
        same(r(OK), "curl", "-si", "URL/a");
        same(r("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n"), "curl", "-sI", "URL/a");
    }

    @Test void chunkedResponsesAreDecoded() throws Exception {
        same(r(CHUNKED), "curl", "-s", "URL/c");
        same(r(CHUNKED), "curl", "-s", "-w", "%{size_download}\n", "URL/c");
    }

    @Test void postData() throws Exception {
        same(r(OK), "curl", "-s", "-d", "a=1", "-d", "b=2", "URL/form");
        same(r(OK), "curl", "-s", "--data-urlencode", "msg=hello world&more", "--data-urlencode", "x y", "URL/form");
        same(r(OK), "curl", "-s", "--data-raw", "@not-a-file", "URL/form");
        same(r(OK), "curl", "-s", "-X", "PUT", "-H", "Content-Type: application/json", "--data-binary", "{\"a\": 1}", "URL/json");
        same(r(OK), "curl", "-s", "-G", "-d", "q=1", "-d", "r=2", "URL/search");
    }

    @Test void headersAgentRefererAndAuth() throws Exception {
        same(r(OK), "curl", "-s", "-H", "X-One: 1", "-H", "Accept:", "-H", "X-Empty;", "URL/h");
        same(r(OK), "curl", "-s", "-A", "agent/1.0", "-e", "http://ref/", "URL/h");
        same(r(OK), "curl", "-s", "-u", "user:secret", "URL/h");
        same(r(OK), "curl", "-s", "-H", "User-Agent: mine", "-H", "Host: example", "URL/h");
    }

    @Test void writeOut() throws Exception {
        same(r(OK), "curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{size_download} %{content_type} %{url_effective} %{method}\\n", "URL/w");
        same(r("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"), "curl", "-s", "-w", "%{http_code}|%{response_code}|%{num_redirects}%%\\t\\n", "URL/w");
        same(r(OK), "curl", "-s", "-o", "/dev/null", "-w", "%{header{content-type}} %header{content-length}\n", "URL/w");
    }

    @Test void failAndShowError() throws Exception {
        String err = "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\n\r\noops\n";
        same(r(err), "curl", "-s", "URL/f");
        same(r(err), "curl", "-sf", "URL/f");
        same(r(err), "curl", "-sSf", "URL/f");
        same(r(err), "curl", "-sS", "--fail-with-body", "URL/f");
    }

    @Test void redirectsAreFollowedWithL() throws Exception {
        String[] chain = r("HTTP/1.1 301 Moved\r\nLocation: /two\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 302 Found\r\nLocation: three?x=1\r\nContent-Length: 3\r\n\r\nabc",
                OK);
        same(chain, "curl", "-sL", "-w", "%{num_redirects} %{url_effective}\\n", "URL/one");
        same(chain, "curl", "-siL", "URL/one");
        same(r(chain[0]), "curl", "-s", "-w", "%{redirect_url}\\n", "URL/one");
        same(chain, "curl", "-sL", "-d", "x=1", "URL/one");
    }

    @Test void prematureEndAndEmptyReply() throws Exception {
        same(r("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"), "curl", "-sS", "URL/p");
        same(r(""), "curl", "-sS", "URL/p");
    }

    @Test void verboseTrace() throws Exception {
        same(r(OK), "curl", "-sv", "URL/v");
    }

    @Test void uploads() throws Exception {
        vm.file("up.txt", "uploaded\n");
        java.nio.file.Files.writeString(vm.diff.hostDir().resolve("up.txt"), "uploaded\n");
        same(r(OK), "curl", "-s", "-T", "up.txt", "URL/dir/");
        same(r(OK), "curl", "-s", "-T", "up.txt", "URL/named");
    }

    @Test void refusedConnections() {
        for (List<String> argv : List.of(List.of("curl", "-sv", "127.0.0.1:1/"), List.of("curl", "-sS", "http://127.0.0.1:1/x"))) {
            Outcome v = vm.diff.vm("", argv);
            Outcome h = vm.diff.host("", argv);
            // how long the refusal took is the one thing that may differ
            assertThat(new Outcome(v.exitCode(), v.stdout(), v.stderr().replaceAll("after \\d+ ms", "after N ms")))
                    .isEqualTo(new Outcome(h.exitCode(), h.stdout(), h.stderr().replaceAll("after \\d+ ms", "after N ms")));
        }
    }

    @Test void usageErrors() {
        vm.diff.assertSame("curl");
        vm.diff.assertSame("curl", "--bogus", "x");
        vm.diff.assertSame("curl", "-s");
        vm.diff.assertSame("curl", "-o");
    }
}
