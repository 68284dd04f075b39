package dev.agentos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShellApiTest {
    private final AgentOs vm = AgentOs.create();

    @AfterEach void close() { vm.close(); }

    /** Collects terminal output and lets the test wait for text. */
    private static final class Screen {
        private final StringBuilder text = new StringBuilder();

        synchronized void add(byte[] b) {
            text.append(new String(b, StandardCharsets.UTF_8));
            notifyAll();
        }

        synchronized void await(String s) throws InterruptedException {
            while (text.indexOf(s) < 0) wait();
        }

        synchronized String text() { return text.toString(); }
    }

    @Test void aProgramOnTheShellTerminalEchoesTypedLinesAndEndsOnHangup() throws Exception {
        Screen screen = new Screen();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        String id = vm.openShell(ShellOptions.builder().command("cat", List.of()).onData(screen::add)
                .onExit(exit::complete).build());
        vm.writeShell(id, "hi\r");
        screen.await("hi\r\nhi\r\n");
        vm.resizeShell(id, 100, 30);
        vm.closeShell(id);
        assertThat(vm.waitShell(id)).isEqualTo(129);
        assertThat(exit.get()).isEqualTo(129);
    }

    @Test void controlDEndsInputSoTheProgramExitsNormally() throws Exception {
        Screen screen = new Screen();
        String id = vm.openShell(ShellOptions.builder().command("cat", List.of()).onData(screen::add).build());
        vm.writeShell(id, "x\r\u0004");
        assertThat(vm.waitShell(id)).isZero();
        screen.await("x\r\nx\r\n");
        vm.closeShell(id);
    }

    @Test void theDefaultShellIsAnInteractiveBashOnTheTerminal() throws Exception {
        Screen screen = new Screen();
        String id = vm.openShell(ShellOptions.builder().onData(screen::add).build());
        vm.writeShell(id, "echo $((6 * 7))\r");
        screen.await("42\r\n");
        vm.writeShell(id, "exit 5\r");
        assertThat(vm.waitShell(id)).isEqualTo(5);
        vm.closeShell(id);
    }

    @Test void unknownShellIdsAreRejected() {
        assertThatThrownBy(() -> vm.writeShell("shell-99", "x")).hasMessageContaining("no such shell");
    }
}
