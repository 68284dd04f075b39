package dev.agentos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An idle actor sleeps after its grace period (by a clock the test moves) and wakes with its files. */
class ActorSleepAndWakeTest {
    @TempDir Path data;
    private final ManualClock clock = new ManualClock();
    private DurableActorFixture s;

    @BeforeEach void start() { s = new DurableActorFixture(data, clock); }

    @AfterEach void stop() { s.close(); }

    private Actor actor(String id) { return s.server.actor(id); }

    @Test void anIdleActorSleepsAfterTheGracePeriodAndWakesWithItsFiles() throws Exception {
        String id = s.actor("sleepy");
        s.writeFile(id, "/home/agentos/notes.txt", "remember me");
        s.ok(id, "mkdir", "[\"/workspace/proj/src\", true]");
        s.ok(id, "exec", "[\"ln -s notes.txt /home/agentos/link && echo x > /workspace/proj/src/a\"]");
        clock.advance(Duration.ofMinutes(14));
        assertThat(s.server.sleepIdleActors()).isZero();
        assertThat(actor(id).awake()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        s.server.sleepIdleActors(); // (or the server's own once-a-second check, which reads the same clock)
        assertThat(actor(id).awake()).isFalse();

        assertThat(s.ok(id, "exec", "[\"cat /home/agentos/link /workspace/proj/src/a\"]").get("stdout").textValue())
                .isEqualTo("remember mex\n");
        assertThat(actor(id).awake()).isTrue();
    }

    @Test void aRunningProcessKeepsTheActorAwake() throws Exception {
        String id = s.actor("busy");
        int pid = s.ok(id, "spawn", "[\"sleep\", [\"100000\"]]").get("pid").intValue();
        clock.advance(Duration.ofHours(2));
        assertThat(s.server.sleepIdleActors()).isZero();
        s.ok(id, "killProcess", "[" + pid + "]");
        s.ok(id, "waitProcess", "[" + pid + "]");
        clock.advance(Duration.ofMinutes(14));
        assertThat(s.server.sleepIdleActors()).as("the grace period counts from the last use").isZero();
        clock.advance(Duration.ofMinutes(2));
        s.server.sleepIdleActors();
        assertThat(actor(id).awake()).isFalse();
    }

    @Test void aConnectedClientKeepsTheActorAwakeAndAConnectionWakesIt() throws Exception {
        String id = s.actor("watched");
        s.writeFile(id, "/home/agentos/f", "kept");
        java.util.concurrent.LinkedBlockingQueue<String> frames = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.WebSocket.Listener listener = new java.net.http.WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
        java.net.http.WebSocket ws = s.http.newWebSocketBuilder().header("Authorization", "Bearer " + DurableActorFixture.ADMIN)
                .buildAsync(java.net.URI.create("ws://127.0.0.1:" + s.server.port() + "/gateway/" + id + "/connect"), listener)
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(frames.poll(10, java.util.concurrent.TimeUnit.SECONDS)).contains("hello");
        clock.advance(Duration.ofHours(1));
        assertThat(s.server.sleepIdleActors()).as("a client is connected").isZero();
        ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "bye").get(10, java.util.concurrent.TimeUnit.SECONDS);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (actor(id).awake() && System.nanoTime() < deadline) {
            clock.advance(Duration.ofMinutes(16)); // until the server has seen the close
            s.server.sleepIdleActors();
        }
        assertThat(actor(id).awake()).isFalse();

        frames.clear();
        java.net.http.WebSocket again = s.http.newWebSocketBuilder().header("Authorization", "Bearer " + DurableActorFixture.ADMIN)
                .buildAsync(java.net.URI.create("ws://127.0.0.1:" + s.server.port() + "/gateway/" + id + "/connect"), listener)
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(frames.poll(10, java.util.concurrent.TimeUnit.SECONDS)).contains("hello");
        assertThat(frames.poll(10, java.util.concurrent.TimeUnit.SECONDS)).contains("\"vmBooted\"");
        assertThat(actor(id).awake()).isTrue();
        assertThat(s.readFile(id, "/home/agentos/f")).isEqualTo("kept");
        again.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "bye");
    }

    @Test void processesAreNotResurrectedButTheirFilesAre() throws Exception {
        String id = s.actor("worker");
        s.ok(id, "exec", "[\"echo started > /tmp/marker\"]");
        clock.advance(Duration.ofMinutes(16));
        s.server.sleepIdleActors();
        assertThat(actor(id).awake()).isFalse();
        assertThat(s.readFile(id, "/tmp/marker")).isEqualTo("started\n");
        assertThat(s.ok(id, "listProcesses", "[]")).extracting(p -> p.get("argv").get(0).textValue()).containsExactly("/sbin/init");
    }
}
