package dev.agentos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.cron.CronAction;
import dev.agentos.cron.CronEvent;
import dev.agentos.cron.CronSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CronApiTest {
    @Test void aDueJobRunsItsCommandInTheVmAndReportsCompletion() throws Exception {
        try (AgentOs vm = AgentOs.create()) {
            BlockingQueue<CronEvent> events = new LinkedBlockingQueue<>();
            vm.onEvent(e -> { if (e instanceof AgentOsEvent.Cron c) events.add(c.event()); });
            // an instant already past is due at once: the VM's timer fires it without waiting
            String id = vm.scheduleCron(CronSpec.of(Instant.now().minusSeconds(1).toString(),
                    CronAction.Exec.shell("echo fired > /tmp/cron.out; exit 4")));
            assertThat(events.poll(10, TimeUnit.SECONDS)).isInstanceOf(CronEvent.Fired.class);
            CronEvent done = events.poll(10, TimeUnit.SECONDS);
            assertThat(done).isInstanceOfSatisfying(CronEvent.Completed.class, c -> {
                assertThat(c.jobId()).isEqualTo(id);
                assertThat(c.exitCode()).isEqualTo(4);
            });
            assertThat(vm.readFileText("/tmp/cron.out")).isEqualTo("fired\n");
        }
    }

    @Test void argvActionsRunWithoutAShell() throws Exception {
        try (AgentOs vm = AgentOs.create()) {
            BlockingQueue<CronEvent> events = new LinkedBlockingQueue<>();
            vm.onEvent(e -> { if (e instanceof AgentOsEvent.Cron c) events.add(c.event()); });
            vm.scheduleCron(CronSpec.of(Instant.now().minusSeconds(1).toString(),
                    new CronAction.Exec("touch", List.of("/tmp/a b"))));
            events.poll(10, TimeUnit.SECONDS);
            assertThat(events.poll(10, TimeUnit.SECONDS)).isInstanceOf(CronEvent.Completed.class);
            assertThat(vm.exists("/tmp/a b")).isTrue();
        }
    }

    @Test void jobsAreListedAndCancelled() {
        try (AgentOs vm = AgentOs.create()) {
            assertThat(vm.listCronJobs()).isEmpty();
            vm.scheduleCron(CronSpec.of("0 3 * * *", CronAction.Exec.shell("true")).withId("nightly"));
            assertThat(vm.listCronJobs()).singleElement().satisfies(j -> {
                assertThat(j.id()).isEqualTo("nightly");
                assertThat(j.runCount()).isZero();
                assertThat(j.nextRun()).isPresent();
            });
            vm.cancelCronJob("nightly");
            assertThat(vm.listCronJobs()).isEmpty();
            assertThatThrownBy(() -> vm.cancelCronJob("nightly")).isInstanceOf(AgentOsException.class)
                    .hasMessage("ENOENT: no such cron job, cancelCronJob 'nightly'");
        }
    }

    @Test void aSessionActionPromptsTheSameSessionOnEveryFire() throws Exception {
        AgentOsOptions options = AgentOsOptions.builder().programs(dev.agentos.session.ScriptedAcpAgent.PROGRAMS)
                .agent(dev.agentos.session.ScriptedAcpAgent.definition("scripted")).build();
        try (AgentOs vm = AgentOs.create(options)) {
            BlockingQueue<CronEvent> events = new LinkedBlockingQueue<>();
            BlockingQueue<String> chunks = new LinkedBlockingQueue<>();
            vm.onEvent(e -> {
                if (e instanceof AgentOsEvent.Cron c) events.add(c.event());
                if (e instanceof AgentOsEvent.SessionEvent se && se.event().toString().contains("from cron")) chunks.add(se.sessionId());
            });
            for (int fire = 0; fire < 2; fire++) {
                vm.scheduleCron(CronSpec.of(Instant.now().minusSeconds(1).toString(),
                        new CronAction.Session("scripted", "say from cron", Map.of("cwd", "/tmp"))).withId("ask"));
                assertThat(events.poll(10, TimeUnit.SECONDS)).isInstanceOf(CronEvent.Fired.class);
                assertThat(events.poll(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(CronEvent.Completed.class,
                        c -> assertThat(c.exitCode()).isZero());
            }
            assertThat(vm.listSessions()).singleElement().satisfies(s -> assertThat(s.cwd()).isEqualTo("/tmp"));
            String first = chunks.poll(10, TimeUnit.SECONDS);
            assertThat(chunks.poll(10, TimeUnit.SECONDS)).isEqualTo(first);
        }
    }

    @Test void sessionActionsForAnAgentTheVmDoesNotHaveAreRefused() {
        try (AgentOs vm = AgentOs.create()) {
            assertThatThrownBy(() -> vm.scheduleCron(CronSpec.of("* * * * *", new CronAction.Session("pi", "hello", Map.of()))))
                    .isInstanceOf(AgentOsException.class).hasMessageStartingWith("ENOENT: no such agent, cron action type 'session' (agent 'pi'");
            assertThat(vm.listCronJobs()).isEmpty();
        }
    }
}
