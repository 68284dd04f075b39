package dev.agentos.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agentos.protocol.AgentOsClientException;
import dev.agentos.protocol.DirEntryInfo;
import dev.agentos.protocol.ExecOptions;
import dev.agentos.protocol.ExecResult;
import dev.agentos.protocol.FileEntry;
import dev.agentos.protocol.ReadResult;
import dev.agentos.protocol.ShellOptions;
import dev.agentos.protocol.AgentOsEvent;
import dev.agentos.server.Registry;
import dev.agentos.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every action of the wire, driven through the typed client against a real server. */
class ClientActionsTest {
    static Registry server;
    static AgentOsClient client;
    static AgentOsHandle vm;

    @BeforeAll static void start() {
        server = Registry.create(ServerConfig.DEFAULT.withPort(0)).start();
        client = AgentOsClient.create("http://127.0.0.1:" + server.port());
        vm = client.actor("vm").getOrCreate("actions");
    }

    @AfterAll static void stop() {
        server.close();
    }

    @Test void getOrCreateIsIdempotentByNameAndKey() {
        AgentOsHandle a = client.actor("vm").getOrCreate("idem");
        AgentOsHandle b = client.actor("vm").getOrCreate("idem");
        assertThat(a.created()).isTrue();
        assertThat(b.created()).isFalse();
        assertThat(b.actorId()).isEqualTo(a.actorId());
        assertThat(client.actor("vm").getOrCreate("other").actorId()).isNotEqualTo(a.actorId());
    }

    @Test void execRunsAShellCommandLine() {
        assumeTrue(vm.exists("/bin/sh"), "no /bin/sh in the VM image yet");
        ExecResult r = vm.exec("echo hello");
        assertThat(r).isEqualTo(new ExecResult(0, "hello\n", ""));
    }

    @Test void execPassesStdinEnvAndCwd() {
        assumeTrue(vm.exists("/bin/sh"), "no /bin/sh in the VM image yet");
        ExecResult r = vm.exec("cat; echo $GREETING", ExecOptions.DEFAULT.withStdin("in\n").withEnv(Map.of("GREETING", "hi")).withCwd("/tmp"));
        assertThat(r.stdout()).isEqualTo("in\nhi\n");
    }

    @Test void execArgvRunsWithoutAShell() {
        assertThat(vm.execArgv("echo", List.of("a b", "c")).stdout()).isEqualTo("a b c\n");
        assertThat(vm.execArgv("false", List.of()).exitCode()).isEqualTo(1);
    }

    @Test void spawnStdinWaitAndProcessListings() {
        int pid = vm.spawn("cat", List.of());
        assertThat(vm.getProcess(pid)).hasValueSatisfying(p -> assertThat(p.command()).isEqualTo("cat"));
        assertThat(vm.listProcesses()).anySatisfy(p -> assertThat(p.pid()).isEqualTo(pid));
        assertThat(vm.processTree()).isNotEmpty();
        vm.writeProcessStdin(pid, "abc");
        vm.closeProcessStdin(pid);
        assertThat(vm.waitProcess(pid)).isZero();
        assertThat(vm.readProcessOutput(pid, 0).chunks()).extracting(c -> new String(c.data(), StandardCharsets.UTF_8))
                .containsExactly("abc");
    }

    @Test void stopAndKillEndProcessesWithSignalStatus() {
        int a = vm.spawn("sleep", List.of("100"));
        vm.stopProcess(a);
        assertThat(vm.waitProcess(a)).isEqualTo(143);
        int b = vm.spawn("sleep", List.of("100"));
        vm.killProcess(b);
        assertThat(vm.waitProcess(b)).isEqualTo(137);
    }

    @Test void filesRoundTripAsBytes() {
        byte[] bin = new byte[256];
        for (int i = 0; i < bin.length; i++) bin[i] = (byte) i;
        vm.mkdir("/home/agentos/f/sub", true);
        vm.writeFile("/home/agentos/f/bin", bin);
        vm.writeFile("/home/agentos/f/sub/t.txt", "text");
        assertThat(vm.readFile("/home/agentos/f/bin")).isEqualTo(bin);
        assertThat(vm.readFileText("/home/agentos/f/sub/t.txt")).isEqualTo("text");
        assertThat(vm.readdir("/home/agentos/f")).containsExactly("bin", "sub");
        assertThat(vm.readdirRecursive("/home/agentos/f")).extracting(DirEntryInfo::path)
                .contains("/home/agentos/f/bin", "/home/agentos/f/sub", "/home/agentos/f/sub/t.txt");
        assertThat(vm.stat("/home/agentos/f/bin").size()).isEqualTo(256);
        assertThat(vm.stat("/home/agentos/f").isDirectory()).isTrue();
        assertThat(vm.exists("/home/agentos/f/bin")).isTrue();
        vm.move("/home/agentos/f/bin", "/home/agentos/f/bin2");
        assertThat(vm.exists("/home/agentos/f/bin")).isFalse();
        vm.deleteFile("/home/agentos/f/bin2");
        vm.deleteFile("/home/agentos/f", true);
        assertThat(vm.exists("/home/agentos/f")).isFalse();
    }

    @Test void readFilesAndWriteFilesReportEachEntry() {
        assertThat(vm.writeFiles(List.of(FileEntry.of("/tmp/w1", "one"), FileEntry.of("/nonexistent/w2", "two"))))
                .satisfiesExactly(w -> assertThat(w.success()).isTrue(),
                        w -> assertThat(w.error()).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("ENOENT")));
        List<ReadResult> r = vm.readFiles(List.of("/tmp/w1", "/tmp/missing"));
        assertThat(new String(r.get(0).content().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("one");
        assertThat(r.get(1).error()).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("ENOENT"));
    }

    @Test void vmErrorsComeBackWithGroupCodeAndStatus() {
        assertThatThrownBy(() -> vm.readFile("/nope"))
                .isInstanceOfSatisfying(AgentOsClientException.class, e -> {
                    assertThat(e.group()).isEqualTo("fs");
                    assertThat(e.code()).isEqualTo("ENOENT");
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("/nope");
                });
        vm.mkdir("/tmp/dup");
        assertThatThrownBy(() -> vm.mkdir("/tmp/dup"))
                .isInstanceOfSatisfying(AgentOsClientException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> vm.waitProcess(999999))
                .isInstanceOfSatisfying(AgentOsClientException.class, e -> assertThat(e.code()).isEqualTo("ESRCH"));
    }

    @Test void execWithoutAShellInTheImageSaysSo() {
        assumeTrue(!vm.exists("/bin/sh"));
        assertThatThrownBy(() -> vm.exec("echo hi")).isInstanceOfSatisfying(AgentOsClientException.class,
                e -> assertThat(e.getMessage()).contains("sh: not installed"));
    }

    @Test void shellStreamsTerminalDataResizesAndExits() throws Exception {
        AgentOsHandle h = client.actor("vm").getOrCreate("shell");
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        CountDownLatch sawHello = new CountDownLatch(1);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        try (AgentOsConnection conn = h.connect()) {
            conn.onShellData(d -> {
                synchronized (seen) {
                    seen.writeBytes(d.data());
                    if (seen.toString(StandardCharsets.UTF_8).contains("hello from shell")) sawHello.countDown();
                }
            });
            conn.onShellExit(x -> exit.complete(x.exitCode()));
            // the base image has no interactive shell yet: run cat on the terminal instead
            String id = h.openShell(ShellOptions.DEFAULT.withCommand("cat", List.of()).withSize(100, 30));
            h.resizeShell(id, 120, 40);
            h.writeShell(id, "hello from shell\n");
            assertThat(sawHello.await(20, TimeUnit.SECONDS)).isTrue();
            h.closeShell(id);
            int code = h.waitShell(id);
            assertThat(exit.get(20, TimeUnit.SECONDS)).isEqualTo(code);
        }
    }

    @Test void softwareAndMountsDescribeTheVm() {
        assertThat(vm.listSoftware()).extracting(s -> s.name()).contains("echo", "cat", "sleep");
        assertThat(vm.listMounts()).anySatisfy(m -> assertThat(m.path()).isEqualTo("/"));
    }

    @Test void previewUrlsAreSignedAndExpire() {
        var url = vm.createSignedPreviewUrl(3000, 60);
        assertThat(url.port()).isEqualTo(3000);
        assertThat(url.path()).isEqualTo("/gateway/" + vm.actorId() + "/request/fetch/" + url.token() + "/");
        vm.expireSignedPreviewUrl(url.token());
    }

    @Test void actionsAlsoRunOverTheWebSocket() throws Exception {
        try (AgentOsConnection conn = vm.connect()) {
            assertThat(conn.call("execArgv", "echo", List.of("ws")).get(20, TimeUnit.SECONDS).get("stdout").textValue())
                    .isEqualTo("ws\n");
            assertThatThrownBy(() -> conn.call("readFile", "/nope").get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(AgentOsClientException.class).cause()
                    .satisfies(e -> assertThat(((AgentOsClientException) e).code()).isEqualTo("ENOENT"));
            assertThatThrownBy(() -> conn.call("noSuchAction").get(20, TimeUnit.SECONDS))
                    .cause().satisfies(e -> assertThat(((AgentOsClientException) e).code()).isEqualTo("unknown_action"));
        }
    }
}
