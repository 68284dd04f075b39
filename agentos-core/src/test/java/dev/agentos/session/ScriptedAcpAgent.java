package dev.agentos.session;

import com.agentclientprotocol.sdk.agent.AcpAgent;
import com.agentclientprotocol.sdk.agent.AcpSyncAgent;
import com.agentclientprotocol.sdk.agent.SyncPromptContext;
import com.agentclientprotocol.sdk.agent.transport.StdioAcpAgentTransport;
import com.agentclientprotocol.sdk.json.JacksonAcpJsonMapper;
import com.agentclientprotocol.sdk.spec.AcpSchema;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.ProcessContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scripted ACP agent for tests and benchmarks, built with the official SDK's agent side over the
 * guest process's stdin and stdout (so every test through it is also an interop test of our client
 * against the SDK's agent). The prompt text is the script, one command:
 * <pre>
 * say TEXT            one agent_message_chunk
 * chunks N            N chunks ("c1 " ... "cN ")
 * write PATH TEXT     asks permission (kind edit), then fs/write_text_file
 * read PATH           fs/read_text_file, the content as a chunk
 * run CMD ARGS...     terminal/create, wait_for_exit, output, release: "exit=N output=..."
 * runlimited N CMD... the same with outputByteLimit N: "truncated=B output=..."
 * hang                one chunk "waiting", then waits for session/cancel (stopReason cancelled)
 * crash               one chunk "bye", then the process exits with status 3 mid-prompt
 * instructions        the _meta.agentos.instructions received in session/new
 * mode | model        the current mode / model
 * env NAME            the agent process's environment variable
 * </pre>
 */
public final class ScriptedAcpAgent implements Program {
    public static final String NAME = "acp-scripted";

    /** The agent as an installable definition (program {@value #NAME}). */
    public static AgentDefinition definition(String agentName) {
        return AgentDefinition.of(agentName, NAME);
    }

    /** A registry with the agent's program, for {@code AgentOsOptions.programs}. */
    public static final dev.agentos.kernel.proc.ProgramRegistry PROGRAMS =
            dev.agentos.kernel.proc.ProgramRegistry.builder().add(NAME, new ScriptedAcpAgent()).build();

    private static final class State {
        volatile String mode = "default";
        volatile String model = "small";
        volatile String instructions = "";
        volatile CountDownLatch cancelled = new CountDownLatch(1);
    }

    @Override public int run(ProcessContext ctx) throws Exception {
        JacksonAcpJsonMapper mapper = new JacksonAcpJsonMapper(JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
        StdioAcpAgentTransport transport = new StdioAcpAgentTransport(mapper, ctx.stdin(), ctx.stdout());
        Map<String, State> sessions = new ConcurrentHashMap<>();
        AtomicLong ids = new AtomicLong();
        CompletableFuture<Integer> crash = new CompletableFuture<>();
        AcpSyncAgent agent = AcpAgent.sync(transport)
                .initializeHandler(req -> AcpSchema.InitializeResponse.ok(new AcpSchema.AgentCapabilities(false,
                        new AcpSchema.SessionCapabilities(null, Map.of(), null), new AcpSchema.McpCapabilities(),
                        new AcpSchema.PromptCapabilities(), null)))
                .newSessionHandler(req -> {
                    String id = "scripted-" + ids.incrementAndGet();
                    State st = new State();
                    if (req.meta() != null && req.meta().get("agentos") instanceof Map<?, ?> m && m.get("instructions") instanceof String s) {
                        st.instructions = s;
                    }
                    sessions.put(id, st);
                    return new AcpSchema.NewSessionResponse(id, new AcpSchema.SessionModeState("default", List.of(
                            new AcpSchema.SessionMode("default", "Default", "asks before writing"),
                            new AcpSchema.SessionMode("plan", "Plan", "read only"))), null);
                })
                .setSessionModeHandler(req -> {
                    sessions.get(req.sessionId()).mode = req.modeId();
                    return new AcpSchema.SetSessionModeResponse();
                })
                .setSessionModelHandler(req -> {
                    sessions.get(req.sessionId()).model = req.modelId();
                    return new AcpSchema.SetSessionModelResponse();
                })
                .closeSessionHandler(req -> new AcpSchema.CloseSessionResponse(null))
                .cancelHandler(n -> {
                    State st = sessions.get(n.sessionId());
                    if (st != null) st.cancelled.countDown();
                })
                .promptHandler((req, ctx2) -> prompt(ctx, sessions.get(req.sessionId()), req, ctx2, crash))
                .build();
        agent.start();
        agent.async().awaitTermination().toFuture().thenRun(() -> crash.complete(0));
        int code = crash.get();
        if (code == 0) agent.close();
        return code;
    }

    private static AcpSchema.PromptResponse prompt(ProcessContext proc, State st, AcpSchema.PromptRequest req, SyncPromptContext ctx,
                                                   CompletableFuture<Integer> crash) {
        String text = req.text().strip();
        String[] w = text.split("\\s+");
        String sid = req.sessionId();
        st.cancelled = new CountDownLatch(1);
        switch (w[0]) {
            case "say" -> ctx.sendMessage(text.substring(3).strip());
            case "chunks" -> {
                int n = Integer.parseInt(w[1]);
                for (int i = 1; i <= n; i++) ctx.sendMessage("c" + i + " ");
            }
            case "write" -> {
                String path = w[1];
                String content = String.join(" ", Arrays.copyOfRange(w, 2, w.length));
                AcpSchema.RequestPermissionResponse r = ctx.requestPermission(new AcpSchema.RequestPermissionRequest(sid,
                        new AcpSchema.ToolCallUpdate("call-" + System.nanoTime(), "Write " + path, AcpSchema.ToolKind.EDIT,
                                AcpSchema.ToolCallStatus.PENDING, null, null, Map.of("path", path), null),
                        List.of(new AcpSchema.PermissionOption("allow", "Allow", AcpSchema.PermissionOptionKind.ALLOW_ONCE),
                                new AcpSchema.PermissionOption("always", "Always allow", AcpSchema.PermissionOptionKind.ALLOW_ALWAYS),
                                new AcpSchema.PermissionOption("reject", "Reject", AcpSchema.PermissionOptionKind.REJECT_ONCE))));
                if (r.outcome() instanceof AcpSchema.PermissionSelected s && !s.optionId().equals("reject")) {
                    ctx.writeTextFile(new AcpSchema.WriteTextFileRequest(sid, path, content));
                    ctx.sendMessage("wrote " + path + " (" + s.optionId() + ")");
                } else if (r.outcome() instanceof AcpSchema.PermissionSelected) {
                    ctx.sendMessage("rejected");
                } else {
                    return new AcpSchema.PromptResponse(AcpSchema.StopReason.CANCELLED);
                }
            }
            case "read" -> ctx.sendMessage(ctx.readTextFile(new AcpSchema.ReadTextFileRequest(sid, w[1], null, null)).content());
            case "run" -> {
                AcpSchema.CreateTerminalResponse t = ctx.createTerminal(new AcpSchema.CreateTerminalRequest(sid, w[1],
                        List.of(Arrays.copyOfRange(w, 2, w.length)), null, null, null));
                AcpSchema.WaitForTerminalExitResponse exit = ctx.waitForTerminalExit(new AcpSchema.WaitForTerminalExitRequest(sid, t.terminalId()));
                String out = ctx.getTerminalOutput(new AcpSchema.TerminalOutputRequest(sid, t.terminalId())).output();
                ctx.releaseTerminal(new AcpSchema.ReleaseTerminalRequest(sid, t.terminalId()));
                ctx.sendMessage("exit=" + exit.exitCode() + " output=" + out);
            }
            case "runlimited" -> {
                AcpSchema.CreateTerminalResponse t = ctx.createTerminal(new AcpSchema.CreateTerminalRequest(sid, w[2],
                        List.of(Arrays.copyOfRange(w, 3, w.length)), null, null, Long.parseLong(w[1])));
                ctx.waitForTerminalExit(new AcpSchema.WaitForTerminalExitRequest(sid, t.terminalId()));
                AcpSchema.TerminalOutputResponse out = ctx.getTerminalOutput(new AcpSchema.TerminalOutputRequest(sid, t.terminalId()));
                ctx.releaseTerminal(new AcpSchema.ReleaseTerminalRequest(sid, t.terminalId()));
                ctx.sendMessage("truncated=" + out.truncated() + " output=" + out.output());
            }
            case "hang" -> {
                ctx.sendMessage("waiting");
                try {
                    st.cancelled.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new AcpSchema.PromptResponse(AcpSchema.StopReason.CANCELLED);
            }
            case "crash" -> {
                ctx.sendMessage("bye");
                crash.complete(3);
                try {
                    new CountDownLatch(1).await();   // never answers: the process is gone
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case "instructions" -> ctx.sendMessage(st.instructions);
            case "mode" -> ctx.sendMessage(st.mode);
            case "model" -> ctx.sendMessage(st.model);
            case "env" -> ctx.sendMessage(proc.getenv(w[1]).orElse("(unset)"));
            default -> ctx.sendMessage("unknown command: " + w[0]);
        }
        return AcpSchema.PromptResponse.endTurn();
    }
}
