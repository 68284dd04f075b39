package dev.agentos.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.AgentOs;
import dev.agentos.AgentOsEvent;
import dev.agentos.AgentOsException;
import dev.agentos.AgentOsOptions;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sessions embedded: the scripted agent (the ACP SDK's agent side) driven by our client. */
class SessionsTest {
    private AgentOs vm;

    private AgentOs boot(SessionConfig.Builder sessions) {
        vm = AgentOs.create(AgentOsOptions.builder().programs(ScriptedAcpAgent.PROGRAMS)
                .sessions(sessions.agent(ScriptedAcpAgent.definition("scripted")).build()).build());
        return vm;
    }

    private AgentOs boot() { return boot(SessionConfig.builder()); }

    @AfterEach void close() {
        if (vm != null) vm.close();
    }

    /** Permission requests seen by a listener (which makes someone "listening"). */
    private BlockingQueue<AgentOsEvent.PermissionRequested> permissions() {
        BlockingQueue<AgentOsEvent.PermissionRequested> q = new LinkedBlockingQueue<>();
        vm.onEvent(e -> { if (e instanceof AgentOsEvent.PermissionRequested p) q.add(p); });
        return q;
    }

    private static <T> T take(BlockingQueue<T> q) throws InterruptedException {
        T t = q.poll(20, TimeUnit.SECONDS);
        assertThat(t).as("event in time").isNotNull();
        return t;
    }

    @Test void promptStreamsChunksAsNumberedEventsAndResolvesWithTheirText() {
        boot();
        List<AgentOsEvent.SessionEvent> seen = new CopyOnWriteArrayList<>();
        vm.onEvent(e -> { if (e instanceof AgentOsEvent.SessionEvent s) seen.add(s); });
        SessionRecord s = vm.createSession("scripted");
        assertThat(s.agentType()).isEqualTo("scripted");
        assertThat(s.cwd()).isEqualTo("/home/agentos");
        assertThat(s.state()).isEqualTo("ready");
        assertThat(vm.listAgents()).extracting(AgentDefinition::name).containsExactly("scripted");

        PromptResult r = vm.sendPrompt(s.sessionId(), "chunks 3");
        assertThat(r.text()).isEqualTo("c1 c2 c3 ");
        assertThat(r.response().path("stopReason").asText()).isEqualTo("end_turn");

        List<SessionEvent> events = vm.getSessionEvents(s.sessionId());
        assertThat(events).extracting(SessionEvent::seq).containsExactly(1L, 2L, 3L);
        assertThat(events.get(0).event().path("method").asText()).isEqualTo("session/update");
        assertThat(events.get(0).event().path("params").path("update").path("sessionUpdate").asText()).isEqualTo("agent_message_chunk");
        assertThat(seen).extracting(AgentOsEvent.SessionEvent::seq).containsExactly(1L, 2L, 3L);
        assertThat(vm.getSessionEvents(s.sessionId(), 2)).extracting(SessionEvent::seq).containsExactly(3L);

        assertThat(vm.sendPrompt(s.sessionId(), "say again").text()).isEqualTo("again");
        assertThat(vm.getSessionEvents(s.sessionId())).hasSize(4);
        assertThat(vm.listSessions()).extracting(SessionRecord::sessionId).containsExactly(s.sessionId());
    }

    @Test void permissionOnceLetsTheAgentWriteIntoTheVm() throws Exception {
        boot();
        BlockingQueue<AgentOsEvent.PermissionRequested> asks = permissions();
        SessionRecord s = vm.createSession("scripted");
        CompletableFuture<PromptResult> r = CompletableFuture.supplyAsync(() -> vm.sendPrompt(s.sessionId(), "write /home/agentos/out/a.txt hello vm"));
        AgentOsEvent.PermissionRequested ask = take(asks);
        assertThat(ask.sessionId()).isEqualTo(s.sessionId());
        assertThat(ask.request().description()).isEqualTo("Write /home/agentos/out/a.txt");
        assertThat(ask.request().params().path("toolCall").path("kind").asText()).isEqualTo("edit");
        assertThat(vm.pendingPermissions(s.sessionId())).extracting(PermissionRequest::permissionId).containsExactly(ask.request().permissionId());
        vm.respondPermission(s.sessionId(), ask.request().permissionId(), "once");
        assertThat(r.get(20, TimeUnit.SECONDS).text()).isEqualTo("wrote /home/agentos/out/a.txt (allow)");
        assertThat(vm.readFileText("/home/agentos/out/a.txt")).isEqualTo("hello vm");
        assertThat(vm.sendPrompt(s.sessionId(), "read /home/agentos/out/a.txt").text()).isEqualTo("hello vm");
    }

    @Test void permissionAlwaysIsRememberedForThatKindOfRequest() throws Exception {
        boot();
        BlockingQueue<AgentOsEvent.PermissionRequested> asks = permissions();
        SessionRecord s = vm.createSession("scripted");
        CompletableFuture<PromptResult> r = CompletableFuture.supplyAsync(() -> vm.sendPrompt(s.sessionId(), "write /tmp/1 one"));
        vm.respondPermission(s.sessionId(), take(asks).request().permissionId(), PermissionReply.ALWAYS);
        assertThat(r.get(20, TimeUnit.SECONDS).text()).isEqualTo("wrote /tmp/1 (always)");
        assertThat(vm.sendPrompt(s.sessionId(), "write /tmp/2 two").text()).isEqualTo("wrote /tmp/2 (always)");
        assertThat(asks).isEmpty();
        assertThat(vm.readFileText("/tmp/2")).isEqualTo("two");
    }

    @Test void permissionRejectLeavesTheVmUntouched() throws Exception {
        boot();
        BlockingQueue<AgentOsEvent.PermissionRequested> asks = permissions();
        SessionRecord s = vm.createSession("scripted");
        CompletableFuture<PromptResult> r = CompletableFuture.supplyAsync(() -> vm.sendPrompt(s.sessionId(), "write /tmp/no x"));
        vm.respondPermission(s.sessionId(), take(asks).request().permissionId(), "reject");
        assertThat(r.get(20, TimeUnit.SECONDS).text()).isEqualTo("rejected");
        assertThat(vm.exists("/tmp/no")).isFalse();
        assertThatThrownBy(() -> vm.respondPermission(s.sessionId(), "perm-99", "once"))
                .isInstanceOf(AgentOsException.class).hasMessageContaining("ENOENT: no pending permission request perm-99");
        assertThatThrownBy(() -> vm.respondPermission(s.sessionId(), "perm-1", "sometimes"))
                .isInstanceOf(AgentOsException.class).hasMessageContaining("EINVAL");
    }

    @Test void anUnansweredPermissionIsRejectedWhenItsTimeoutFires() throws Exception {
        ManualTimer timer = new ManualTimer();
        boot(SessionConfig.builder().timer(timer));
        BlockingQueue<AgentOsEvent.PermissionRequested> asks = permissions();
        SessionRecord s = vm.createSession("scripted");
        CompletableFuture<PromptResult> r = CompletableFuture.supplyAsync(() -> vm.sendPrompt(s.sessionId(), "write /tmp/late x"));
        take(asks);
        assertThat(timer.scheduled()).isEqualTo(1);
        timer.fireAll();
        assertThat(r.get(20, TimeUnit.SECONDS).text()).isEqualTo("rejected");
        assertThat(vm.pendingPermissions(s.sessionId())).isEmpty();
    }

    @Test void withNobodyListeningThePolicyDecides() {
        boot(SessionConfig.builder().permissionPolicy(PermissionPolicy.ALLOW_ALL));
        SessionRecord s = vm.createSession("scripted");
        assertThat(vm.sendPrompt(s.sessionId(), "write /tmp/auto yes").text()).isEqualTo("wrote /tmp/auto (allow)");
        vm.close();
        boot(SessionConfig.builder().permissionPolicy(PermissionPolicy.REJECT_ALL));
        SessionRecord t = vm.createSession("scripted");
        assertThat(vm.sendPrompt(t.sessionId(), "write /tmp/auto no").text()).isEqualTo("rejected");
    }

    @Test void aPermissionHookCountsAsAListenerAndSeesEveryRequest() throws Exception {
        BlockingQueue<PermissionRequest> hooked = new LinkedBlockingQueue<>();
        boot(SessionConfig.builder().permissionPolicy(PermissionPolicy.REJECT_ALL).onPermissionRequest((sid, req) -> hooked.add(req)));
        SessionRecord s = vm.createSession("scripted");
        CompletableFuture<PromptResult> r = CompletableFuture.supplyAsync(() -> vm.sendPrompt(s.sessionId(), "write /tmp/h x"));
        vm.respondPermission(s.sessionId(), take(hooked).permissionId(), "once");
        assertThat(r.get(20, TimeUnit.SECONDS).text()).isEqualTo("wrote /tmp/h (allow)");
    }

    @Test void cancelEndsARunningPromptAndAnswersPendingPermissionsCancelled() throws Exception {
        boot();
        BlockingQueue<AgentOsEvent.PermissionRequested> asks = permissions();
        CountDownLatch waiting = new CountDownLatch(1);
        vm.onEvent(e -> {
            if (e instanceof AgentOsEvent.SessionEvent ev && ev.event().toString().contains("\"waiting\"")) waiting.countDown();
        });
        SessionRecord s = vm.createSession("scripted");
        CompletableFuture<PromptResult> r = CompletableFuture.supplyAsync(() -> vm.sendPrompt(s.sessionId(), "hang"));
        assertThat(waiting.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(vm.getSession(s.sessionId()).state()).isEqualTo("prompting");
        vm.cancelPrompt(s.sessionId());
        PromptResult done = r.get(20, TimeUnit.SECONDS);
        assertThat(done.response().path("stopReason").asText()).isEqualTo("cancelled");
        assertThat(done.text()).isEqualTo("waiting");

        CompletableFuture<PromptResult> w = CompletableFuture.supplyAsync(() -> vm.sendPrompt(s.sessionId(), "write /tmp/c x"));
        take(asks);
        vm.cancelPrompt(s.sessionId());
        assertThat(w.get(20, TimeUnit.SECONDS).response().path("stopReason").asText()).isEqualTo("cancelled");
        assertThat(vm.exists("/tmp/c")).isFalse();
        assertThat(vm.getSession(s.sessionId()).state()).isEqualTo("ready");
    }

    @Test void aSecondPromptWhileOneRunsIsRefused() throws Exception {
        boot();
        CountDownLatch waiting = new CountDownLatch(1);
        vm.onEvent(e -> { if (e instanceof AgentOsEvent.SessionEvent) waiting.countDown(); });
        SessionRecord s = vm.createSession("scripted");
        CompletableFuture<PromptResult> r = CompletableFuture.supplyAsync(() -> vm.sendPrompt(s.sessionId(), "hang"));
        assertThat(waiting.await(20, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> vm.sendPrompt(s.sessionId(), "say hi")).isInstanceOf(AgentOsException.class)
                .hasMessageContaining("EBUSY");
        vm.cancelPrompt(s.sessionId());
        r.get(20, TimeUnit.SECONDS);
    }

    @Test void terminalRequestsRunCommandsInTheVm() {
        boot();
        vm.writeFile("/home/agentos/f.txt", "from the vm\n");
        SessionRecord s = vm.createSession("scripted");
        assertThat(vm.sendPrompt(s.sessionId(), "run cat /home/agentos/f.txt").text()).isEqualTo("exit=0 output=from the vm\n");
        assertThat(vm.sendPrompt(s.sessionId(), "run sh -c exit\\ 7").text()).startsWith("exit=");
        assertThat(vm.sendPrompt(s.sessionId(), "run false").text()).isEqualTo("exit=1 output=");
        assertThat(vm.sendPrompt(s.sessionId(), "runlimited 5 echo hello world").text()).isEqualTo("truncated=true output=orld\n");
        assertThat(vm.sendPrompt(s.sessionId(), "runlimited 100 echo hi").text()).isEqualTo("truncated=false output=hi\n");
    }

    @Test void anAgentThatCrashesEndsItsSessionWithAnErrorEventAndTheVmLivesOn() {
        boot();
        SessionRecord s = vm.createSession("scripted");
        assertThatThrownBy(() -> vm.sendPrompt(s.sessionId(), "crash")).isInstanceOf(AgentOsException.class)
                .hasMessageContaining("ECONNRESET").hasMessageContaining("exit status 3");
        List<SessionEvent> events = vm.getSessionEvents(s.sessionId());
        SessionEvent last = events.get(events.size() - 1);
        assertThat(last.event().path("method").asText()).isEqualTo("_agentos/error");
        assertThat(last.event().path("params").path("error").path("exitCode").asInt()).isEqualTo(3);
        assertThat(last.event().path("params").path("sessionId").asText()).isEqualTo(s.sessionId());
        assertThat(vm.getSession(s.sessionId()).state()).isEqualTo("failed");
        assertThatThrownBy(() -> vm.sendPrompt(s.sessionId(), "say x")).hasMessageContaining("ESRCH");
        assertThat(vm.exec("echo alive").stdout()).isEqualTo("alive\n");
        SessionRecord again = vm.createSession("scripted");
        assertThat(vm.sendPrompt(again.sessionId(), "say still here").text()).isEqualTo("still here");
    }

    @Test void modesAndModelsReachTheAgent() {
        boot();
        SessionRecord s = vm.createSession("scripted");
        SessionModes modes = vm.getModes(s.sessionId());
        assertThat(modes.currentModeId()).isEqualTo("default");
        assertThat(modes.availableModes()).extracting(SessionModes.Mode::id).containsExactly("default", "plan");
        vm.setMode(s.sessionId(), "plan");
        assertThat(vm.getModes(s.sessionId()).currentModeId()).isEqualTo("plan");
        assertThat(vm.sendPrompt(s.sessionId(), "mode").text()).isEqualTo("plan");
        vm.setModel(s.sessionId(), "large");   // no model config option: falls back to session/set_model
        assertThat(vm.sendPrompt(s.sessionId(), "model").text()).isEqualTo("large");
    }

    @Test void osAndAdditionalInstructionsAndEnvReachTheAgent() {
        boot(SessionConfig.builder().additionalInstructions("Always write tests first."));
        vm.mkdir("/home/agentos/proj");
        SessionRecord s = vm.createSession("scripted", SessionOptions.builder().cwd("/home/agentos/proj")
                .env("API_KEY", "k-1").additionalInstructions("Answer in French.").build());
        String text = vm.sendPrompt(s.sessionId(), "instructions").text();
        assertThat(text).contains("agentOS").contains("/bin/bash").contains("Working directory: /home/agentos/proj")
                .contains("processes").contains("Always write tests first.").contains("Answer in French.");
        assertThat(text.indexOf("Always write tests first.")).isLessThan(text.indexOf("Answer in French."));
        assertThat(vm.sendPrompt(s.sessionId(), "env API_KEY").text()).isEqualTo("k-1");
        assertThat(vm.sendPrompt(s.sessionId(), "env PWD").text()).isEqualTo("/home/agentos/proj");
    }

    @Test void theSessionEventHookSeesEveryEventWithNoListenerAtAll() {
        List<String> hooked = new CopyOnWriteArrayList<>();
        boot(SessionConfig.builder().onSessionEvent((sid, e) -> hooked.add(sid + "#" + e.seq())));
        SessionRecord s = vm.createSession("scripted");
        vm.sendPrompt(s.sessionId(), "chunks 2");
        assertThat(hooked).containsExactly(s.sessionId() + "#1", s.sessionId() + "#2");
    }

    @Test void closeEndsTheAgentButKeepsItsEvents() {
        boot();
        SessionRecord s = vm.createSession("scripted");
        vm.sendPrompt(s.sessionId(), "say hi");
        vm.closeSession(s.sessionId());
        assertThat(vm.getSession(s.sessionId()).state()).isEqualTo("closed");
        assertThat(vm.getProcess(s.pid()).map(p -> p.state().name())).isNotEqualTo(java.util.Optional.of("RUNNING"));
        assertThat(vm.getSessionEvents(s.sessionId())).hasSize(1);
        assertThatThrownBy(() -> vm.sendPrompt(s.sessionId(), "say x")).hasMessageContaining("ESRCH");
        vm.closeSession(s.sessionId());   // idempotent
    }

    @Test void unknownAgentsAndSessionsAreNamedInTheError() {
        boot();
        assertThatThrownBy(() -> vm.createSession("nope")).isInstanceOf(AgentOsException.class)
                .hasMessage("ENOENT: no agent named 'nope' is installed (installed: scripted)");
        assertThatThrownBy(() -> vm.sendPrompt("s-x", "hi")).hasMessage("ENOENT: no such session 's-x'");
    }

    @Test void setModelUsesTheAgentsModelConfigOptionWhenItOffersOne() {
        vm = AgentOs.create(AgentOsOptions.builder()
                .programs(dev.agentos.kernel.proc.ProgramRegistry.builder().add(ConfigOptionAgent.NAME, new ConfigOptionAgent()).build())
                .agent(AgentDefinition.of("cfg", ConfigOptionAgent.NAME)).build());
        SessionRecord s = vm.createSession("cfg");
        assertThat(vm.sendPrompt(s.sessionId(), "which").text()).isEqualTo("m-small");
        vm.setModel(s.sessionId(), "m-large");
        assertThat(vm.sendPrompt(s.sessionId(), "which").text()).isEqualTo("m-large");
        assertThatThrownBy(() -> vm.setMode(s.sessionId(), "plan")).isInstanceOf(AgentOsException.class)
                .hasMessageContaining("ENOSYS").hasMessageContaining("session/set_mode");
    }
}
