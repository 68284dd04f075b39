package dev.agentos.commands.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.commands.CommandDiff;
import dev.agentos.commands.CommandDiff.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** nc as client, server and scanner, against other guests of the same VM, and its errors against the host's nc. */
class NetcatTest {
    private final NetVm vm = new NetVm();

    @AfterEach void close() { vm.close(); }

    @Test void clientSendsStdinToAListeningNcAndShutsDownWithN() throws Exception {
        var server = vm.spawn("", "nc", "-lv", "9000");
        server.awaitStderr("Listening on 0.0.0.0 9000\n");
        assertThat(vm.runWithStdin("hello\nworld\n", "nc", "-N", "localhost", "9000")).isEqualTo(new Outcome(0, "", ""));
        assertThat(server.join()).isEqualTo(new Outcome(0, "hello\nworld\n", "Listening on 0.0.0.0 9000\nConnection received on localhost\n"));
    }

    @Test void serverSendsItsStdinAndTheClientPrintsIt() throws Exception {
        var server = vm.spawn("from server\n", "nc", "-N", "-v", "-l", "-p", "9001");
        server.awaitStderr("Listening");
        assertThat(vm.run("nc", "127.0.0.1", "9001")).isEqualTo(new Outcome(0, "from server\n", ""));
        assertThat(server.join().exitCode()).isZero();
    }

    @Test void keepListeningServesOneClientAfterAnother() throws Exception {
        var server = vm.spawn("", "nc", "-lkv", "9002");
        server.awaitStderr("Listening");
        vm.runWithStdin("one\n", "nc", "-N", "localhost", "9002");
        vm.runWithStdin("two\n", "nc", "-N", "localhost", "9002");
        server.awaitStderr("Connection received on localhost\nConnection received on localhost\n");
        vm.diff.kernel().processes().kill(server.process.pid(), dev.agentos.kernel.Signal.SIGTERM);
        assertThat(server.join().stdout()).isEqualTo("one\ntwo\n");
    }

    @Test void scriptedResponseFromNcServesCurl() throws Exception {
        var server = vm.spawn("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n", "nc", "-lv", "9003");
        server.awaitStderr("Listening");
        assertThat(vm.run("curl", "-s", "localhost:9003/x")).isEqualTo(new Outcome(0, "ok\n", ""));
        assertThat(server.join().stdout()).startsWith("GET /x HTTP/1.1\r\nHost: localhost:9003\r\n");
    }

    @Test void ncSpeaksHttpToHttpd() {
        vm.dir("srv").file("srv/a.txt", "hello\n");
        vm.run("httpd", "-p", "8080", "-h", "srv");
        Outcome out = vm.runWithStdin("GET /a.txt HTTP/1.0\r\n\r\n", "nc", "localhost", "8080");
        assertThat(out.exitCode()).isZero();
        assertThat(out.stdout()).startsWith("HTTP/1.1 200 OK\r\n").contains("Connection: close\r\n").endsWith("\r\n\r\nhello\n");
    }

    @Test void httpdKeepsHttp11ConnectionsAliveForPipelinedRequests() {
        vm.dir("srv").file("srv/a.txt", "hello\n");
        vm.run("httpd", "-p", "8080", "-h", "srv");
        Outcome out = vm.runWithStdin("GET /a.txt HTTP/1.1\r\nHost: x\r\n\r\nHEAD /a.txt HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /none HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "nc", "localhost", "8080");
        assertThat(out.exitCode()).isZero();
        String[] responses = out.stdout().split("(?=HTTP/1.1 )");
        assertThat(responses).hasSize(3);
        assertThat(responses[0]).startsWith("HTTP/1.1 200 OK\r\n").contains("Connection: keep-alive\r\n").endsWith("\r\n\r\nhello\n");
        assertThat(responses[1]).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 6\r\n").endsWith("\r\n\r\n");
        assertThat(responses[2]).startsWith("HTTP/1.1 404 Not Found\r\n").contains("Connection: close\r\n");
    }

    @Test void zeroIoScanReportsOpenAndClosedPorts() {
        vm.dir("srv");
        vm.run("httpd", "-p", "8080", "-h", "srv");
        assertThat(vm.run("nc", "-z", "localhost", "8080")).isEqualTo(new Outcome(0, "", ""));
        assertThat(vm.run("nc", "-z", "localhost", "8081")).isEqualTo(new Outcome(1, "", ""));
        assertThat(vm.run("nc", "-zv", "localhost", "8079-8081")).isEqualTo(new Outcome(0, "",
                "nc: connect to localhost (127.0.0.1) port 8079 (tcp) failed: Connection refused\n"
                        + "Connection to localhost (127.0.0.1) 8080 port [tcp/http-alt] succeeded!\n"
                        + "nc: connect to localhost (127.0.0.1) port 8081 (tcp) failed: Connection refused\n"));
        assertThat(vm.run("nc", "-zvn", "127.0.0.1", "8080")).isEqualTo(new Outcome(0, "", "Connection to 127.0.0.1 8080 port [tcp/*] succeeded!\n"));
    }

    @Test void idleTimeoutEndsAQuietConnection() throws Exception {
        var server = vm.spawn("", "nc", "-lv", "9004");
        server.awaitStderr("Listening");
        assertThat(vm.run("nc", "-w", "1", "localhost", "9004")).isEqualTo(new Outcome(0, "", ""));
        assertThat(server.join().exitCode()).isZero();
    }

    @Test void quitAfterEofWithQ0() throws Exception {
        var server = vm.spawn("", "nc", "-lv", "9005");
        server.awaitStderr("Listening");
        assertThat(vm.runWithStdin("bye\n", "nc", "-q", "0", "localhost", "9005")).isEqualTo(new Outcome(0, "", ""));
        assertThat(server.join().stdout()).isEqualTo("bye\n");
    }

    @Test void usageErrorsMatchTheHostsNc() {
        org.junit.jupiter.api.Assumptions.assumeTrue(CommandDiff.hostHas("nc"));
        vm.diff.assertSame("nc");
        vm.diff.assertSame("nc", "localhost");
        vm.diff.assertSame("nc", "-l");
        vm.diff.assertSame("nc", "-Q", "x");
        vm.diff.assertSame("nc", "-w", "x", "localhost", "1");
        vm.diff.assertSame("nc", "127.0.0.1", "1");
        vm.diff.assertSame("nc", "-v", "127.0.0.1", "1");
    }
}
