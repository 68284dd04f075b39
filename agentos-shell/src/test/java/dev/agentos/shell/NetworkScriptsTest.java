package dev.agentos.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The network commands driven by bash scripts, server and client as guests of one VM. */
class NetworkScriptsTest {
    private final ShellVm vm = new ShellVm();

    @AfterEach void close() { vm.close(); }

    @Test void httpdDetachesAndCurlFetches() {
        ShellVm.Result r = vm.bash("mkdir -p srv && printf 'hello\\n' > srv/a.txt && httpd -p 8080 -h srv && "
                + "curl -s localhost:8080/a.txt && curl -s -o /dev/null -w '%{http_code}\\n' localhost:8080/missing");
        assertThat(r).isEqualTo(new ShellVm.Result("hello\n404\n", "", 0));
    }

    @Test void backgroundedHttpdThenWgetAndCurlStatuses() {
        ShellVm.Result r = vm.bash("mkdir -p srv && echo hi > srv/index.html && httpd -p 8080 -h srv & wait $!; "
                + "wget -q localhost:8080/ && cat index.html; curl -sf localhost:8080/nope; echo \"curl $?\"; "
                + "curl -s localhost:9/; echo \"refused $?\"; wget -q localhost:8080/nope; echo \"wget $?\"");
        assertThat(r).isEqualTo(new ShellVm.Result("hi\ncurl 22\nrefused 7\nwget 8\n", "", 0));
    }

    @Test void ncAndCurlInOnePipeline() {
        ShellVm.Result r = vm.bash("mkdir -p srv && echo x > srv/x && httpd -p 8080 -h srv && "
                + "printf 'HEAD /x HTTP/1.0\\r\\n\\r\\n' | nc localhost 8080 | head -1 | tr -d '\\r'; "
                + "curl -sI localhost:8080/x | grep -i '^content-length'");
        assertThat(r.stdout()).isEqualTo("HTTP/1.1 200 OK\nContent-Length: 2\r\n");
        assertThat(r.status()).isZero();
    }
}
