package dev.agentos.commands.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.commands.CommandDiff;
import dev.agentos.commands.CommandDiff.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * wget in the VM: downloads from a guest httpd, and its log, requests and exit statuses against the
 * host's GNU wget on the same scripted server (timestamps and transfer rates normalised).
 */
class WgetTest {
    private final NetVm vm = new NetVm();

    @AfterEach void close() { vm.close(); }

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n";

    private static String normal(String log) {
        return log.replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d", "STAMP")
                .replaceAll("\\([\\d.]+ [KMG]?B/s\\)", "(RATE)")
                .replaceAll("(\\d+%) +[\\d.]+[BKMG]=\\S+", "$1 RATE");
    }

    private void same(String[] responses, String... argv) throws Exception {
        assumeTrue(CommandDiff.hostHas("wget"));
        ScriptedHttp hostScript = new ScriptedHttp(responses);
        ScriptedHttp vmScript = new ScriptedHttp(responses);
        try (HostScriptedServer host = new HostScriptedServer(hostScript)) {
            var server = vm.serve(vmScript, host.port());
            List<String> args = new ArrayList<>();
            for (String a : argv) args.add(a.replace("URL", "http://127.0.0.1:" + host.port()));
            Outcome h = vm.diff.host("", args);
            Outcome v = vm.diff.vm("", args);
            assertThat(new Outcome(v.exitCode(), v.stdout(), normal(v.stderr())))
                    .as("VM vs host for %s", args).isEqualTo(new Outcome(h.exitCode(), h.stdout(), normal(h.stderr())));
            assertThat(vmScript.requests).as("requests of %s", args).isEqualTo(hostScript.requests);
            try {
                vm.diff.kernel().processes().kill(server.pid(), dev.agentos.kernel.Signal.SIGKILL);
            } catch (dev.agentos.AgentOsException done) {
                // answered its whole script
            }
        }
    }

    private static String[] r(String... responses) { return responses; }

    @Test void logAndRequestMatchGnuWget() throws Exception {
        same(r(OK), "wget", "URL/a.txt");
        same(r(OK), "wget", "-O", "-", "URL/a.txt");
        same(r(OK), "wget", "-q", "-O", "-", "URL/a.txt");
        same(r(OK), "wget", "-S", "-O", "out.txt", "URL/a.txt");
        same(r(OK), "wget", "-O", "-", "--header", "X-Test: 1", "--header", "Accept: text/plain", "URL/h");
        same(r(OK), "wget", "-O", "-", "--post-data", "a=1&b=2", "URL/form");
    }

    @Test void serverErrorsExit8() throws Exception {
        same(r("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"), "wget", "URL/missing");
        same(r("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 3\r\n\r\nno\n"), "wget", "-q", "URL/x");
    }

    @Test void redirectsAreFollowed() throws Exception {
        same(r("HTTP/1.1 302 Found\r\nLocation: /b.txt\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", OK), "wget", "-O", "-", "URL/a");
    }

    @Test void refusedConnectionsExit4() {
        assumeTrue(CommandDiff.hostHas("wget"));
        Outcome v = vm.run("wget", "http://127.0.0.1:1/x");
        Outcome h = vm.diff.host("", List.of("wget", "http://127.0.0.1:1/x"));
        assertThat(new Outcome(v.exitCode(), v.stdout(), normal(v.stderr()))).isEqualTo(new Outcome(h.exitCode(), h.stdout(), normal(h.stderr())));
    }

    @Test void usageErrors() {
        assumeTrue(CommandDiff.hostHas("wget"));
        vm.diff.assertSame("wget");
        vm.diff.assertSame("wget", "--bogus", "x");
        vm.diff.assertSame("wget", "-O");
    }

    @Test void namesFilesAfterTheUrlAndNeverOverwrites() {
        vm.dir("srv").file("srv/a.txt", "hello\n").file("srv/index.html", "<p>home</p>\n");
        vm.run("httpd", "-p", "8080", "-h", "srv");
        assertThat(vm.run("wget", "-q", "localhost:8080/a.txt")).isEqualTo(new Outcome(0, "", ""));
        assertThat(vm.read("a.txt")).isEqualTo("hello\n");
        assertThat(vm.run("wget", "-q", "localhost:8080/a.txt").exitCode()).isZero();
        assertThat(vm.read("a.txt.1")).isEqualTo("hello\n");
        assertThat(vm.run("wget", "-q", "http://localhost:8080/").exitCode()).isZero();
        assertThat(vm.read("index.html")).isEqualTo("<p>home</p>\n");
        assertThat(vm.run("wget", "-qO", "-", "localhost:8080/a.txt")).isEqualTo(new Outcome(0, "hello\n", ""));
        assertThat(vm.run("wget", "-q", "localhost:8080/nope")).isEqualTo(new Outcome(8, "", ""));
    }

    @Test void continuesAPartialDownload() {
        vm.dir("srv").file("srv/big.txt", "0123456789").file("big.txt", "0123");
        vm.run("httpd", "-p", "8080", "-h", "srv");
        assertThat(vm.run("wget", "-q", "-c", "localhost:8080/big.txt")).isEqualTo(new Outcome(0, "", ""));
        assertThat(vm.read("big.txt")).isEqualTo("0123456789");
    }
}
