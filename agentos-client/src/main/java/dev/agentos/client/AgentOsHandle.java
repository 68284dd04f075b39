package dev.agentos.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.protocol.AgentInfo;
import dev.agentos.protocol.CronJobInfo;
import dev.agentos.protocol.CronJobSpec;
import dev.agentos.protocol.DirEntryInfo;
import dev.agentos.protocol.ExecOptions;
import dev.agentos.protocol.ExecResult;
import dev.agentos.protocol.FetchOptions;
import dev.agentos.protocol.FetchResponse;
import dev.agentos.protocol.FileEntry;
import dev.agentos.protocol.FileInfo;
import dev.agentos.protocol.Json;
import dev.agentos.protocol.MountInfo;
import dev.agentos.protocol.PreviewUrl;
import dev.agentos.protocol.ProcessInfo;
import dev.agentos.protocol.ProcessOutputList;
import dev.agentos.protocol.ProcessOutputPage;
import dev.agentos.protocol.ProcessTreeNode;
import dev.agentos.protocol.ReadResult;
import dev.agentos.protocol.ShellOptions;
import dev.agentos.protocol.SoftwareInfo;
import dev.agentos.protocol.SpawnOptions;
import dev.agentos.protocol.PermissionRequestInfo;
import dev.agentos.protocol.PromptResult;
import dev.agentos.protocol.SessionEventEntry;
import dev.agentos.protocol.SessionModes;
import dev.agentos.protocol.SessionOptions;
import dev.agentos.protocol.SessionRecord;
import dev.agentos.protocol.WriteResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One actor on a server, with the operations of the embedded {@code AgentOs} under the same names
 * (each one {@code POST /gateway/{id}/action/{name}}), plus {@link #connect()} for live events.
 * Failures are {@link dev.agentos.protocol.AgentOsClientException}s with the server's group and code.
 */
public final class AgentOsHandle {
    private final AgentOsClient client;
    private final String actorId;
    private final boolean created;

    AgentOsHandle(AgentOsClient client, String actorId, boolean created) {
        this.client = client;
        this.actorId = actorId;
        this.created = created;
    }

    public String actorId() { return actorId; }

    /** True when {@code getOrCreate} created the actor rather than finding it. */
    public boolean created() { return created; }

    /** Opens a WebSocket receiving every event of this actor (and reconnecting with replay if it drops). */
    public AgentOsConnection connect() {
        return AgentOsConnection.open(client, this);
    }

    /** Calls an action by name with JSON-mappable arguments and returns the raw output. */
    public JsonNode call(String action, Object... args) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (Object o : args) a.add(Json.tree(o));
        ObjectNode body = Json.object();
        body.set("args", a);
        return client.send("POST", "/gateway/" + actorId + "/action/" + action, body).get("output");
    }

    private <T> T call(Class<T> type, String action, Object... args) {
        return Json.convert(call(action, args), type);
    }

    private <T> T call(TypeReference<T> type, String action, Object... args) {
        return Json.MAPPER.convertValue(call(action, args), type);
    }

    private static String b64(byte[] b) { return Base64.getEncoder().encodeToString(b); }

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    // ---- process ----

    public ExecResult exec(String commandLine) { return call(ExecResult.class, "exec", commandLine); }

    public ExecResult exec(String commandLine, ExecOptions options) { return call(ExecResult.class, "exec", commandLine, options); }

    public ExecResult execArgv(String command, List<String> args) { return call(ExecResult.class, "execArgv", command, args); }

    public ExecResult execArgv(String command, List<String> args, ExecOptions options) {
        return call(ExecResult.class, "execArgv", command, args, options);
    }

    public int spawn(String command, List<String> args) { return call("spawn", command, args).get("pid").intValue(); }

    public int spawn(String command, List<String> args, SpawnOptions options) {
        return call("spawn", command, args, options).get("pid").intValue();
    }

    public void writeProcessStdin(int pid, byte[] data) { call("writeProcessStdin", pid, b64(data)); }

    public void writeProcessStdin(int pid, String data) { writeProcessStdin(pid, utf8(data)); }

    public void closeProcessStdin(int pid) { call("closeProcessStdin", pid); }

    public int waitProcess(int pid) { return call("waitProcess", pid).intValue(); }

    public void stopProcess(int pid) { call("stopProcess", pid); }

    public void killProcess(int pid) { call("killProcess", pid); }

    public List<ProcessInfo> listProcesses() { return call(new TypeReference<List<ProcessInfo>>() { }, "listProcesses"); }

    public Optional<ProcessInfo> getProcess(int pid) {
        JsonNode n = call("getProcess", pid);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(Json.convert(n, ProcessInfo.class));
    }

    public List<ProcessTreeNode> processTree() { return call(new TypeReference<List<ProcessTreeNode>>() { }, "processTree"); }

    /** Retained output of a process with a sequence number above {@code afterSeq} (0 for all). */
    public ProcessOutputPage readProcessOutput(int pid, long afterSeq) {
        return call(ProcessOutputPage.class, "readProcessOutput", pid, afterSeq);
    }

    /** Processes the server first heard of after {@code afterCursor}, with the next cursor (see docs/protocol.md). */
    public ProcessOutputList listProcessOutputs(long afterCursor) {
        return call(ProcessOutputList.class, "listProcessOutputs", afterCursor);
    }

    // ---- filesystem ----

    public byte[] readFile(String path) { return Base64.getDecoder().decode(call("readFile", path).textValue()); }

    public String readFileText(String path) { return new String(readFile(path), StandardCharsets.UTF_8); }

    public List<ReadResult> readFiles(List<String> paths) { return call(new TypeReference<List<ReadResult>>() { }, "readFiles", paths); }

    public void writeFile(String path, byte[] content) { call("writeFile", path, b64(content)); }

    public void writeFile(String path, String content) { writeFile(path, utf8(content)); }

    public List<WriteResult> writeFiles(List<FileEntry> entries) {
        return call(new TypeReference<List<WriteResult>>() { }, "writeFiles", entries);
    }

    public void mkdir(String path) { call("mkdir", path); }

    public void mkdir(String path, boolean recursive) { call("mkdir", path, recursive); }

    public List<String> readdir(String path) { return call(new TypeReference<List<String>>() { }, "readdir", path); }

    public List<DirEntryInfo> readdirRecursive(String path) {
        return call(new TypeReference<List<DirEntryInfo>>() { }, "readdirRecursive", path);
    }

    public List<DirEntryInfo> readdirRecursive(String path, int maxDepth) {
        return call(new TypeReference<List<DirEntryInfo>>() { }, "readdirRecursive", path, maxDepth);
    }

    public FileInfo stat(String path) { return call(FileInfo.class, "stat", path); }

    public boolean exists(String path) { return call("exists", path).booleanValue(); }

    public void move(String from, String to) { call("move", from, to); }

    public void deleteFile(String path) { call("deleteFile", path); }

    public void deleteFile(String path, boolean recursive) { call("deleteFile", path, recursive); }

    // ---- shell ----

    public String openShell() { return call("openShell").get("shellId").textValue(); }

    public String openShell(ShellOptions options) { return call("openShell", options).get("shellId").textValue(); }

    public void writeShell(String shellId, byte[] data) { call("writeShell", shellId, b64(data)); }

    public void writeShell(String shellId, String data) { writeShell(shellId, utf8(data)); }

    public void resizeShell(String shellId, int cols, int rows) { call("resizeShell", shellId, cols, rows); }

    public void closeShell(String shellId) { call("closeShell", shellId); }

    public int waitShell(String shellId) { return call("waitShell", shellId).intValue(); }

    // ---- network ----

    /** GET {@code pathOrUrl} from the guest server listening on VM port {@code port}. */
    public FetchResponse vmFetch(int port, String pathOrUrl) { return call(FetchResponse.class, "vmFetch", port, pathOrUrl); }

    /** One HTTP request to the guest server on VM port {@code port}; ECONNREFUSED when nothing listens. */
    public FetchResponse vmFetch(int port, String pathOrUrl, FetchOptions options) {
        return call(FetchResponse.class, "vmFetch", port, pathOrUrl, options);
    }

    public PreviewUrl createSignedPreviewUrl(int port) { return call(PreviewUrl.class, "createSignedPreviewUrl", port); }

    public PreviewUrl createSignedPreviewUrl(int port, long ttlSeconds) {
        return call(PreviewUrl.class, "createSignedPreviewUrl", port, ttlSeconds);
    }

    public void expireSignedPreviewUrl(String token) { call("expireSignedPreviewUrl", token); }

    // ---- cron ----

    /** Schedules a job (the same id again replaces it) and returns its id. */
    public String scheduleCron(CronJobSpec spec) { return call("scheduleCron", spec).get("id").textValue(); }

    public List<CronJobInfo> listCronJobs() { return call(new TypeReference<List<CronJobInfo>>() { }, "listCronJobs"); }

    public void cancelCronJob(String id) { call("cancelCronJob", id); }

    // ---- software ----

    public List<SoftwareInfo> listSoftware() { return call(new TypeReference<List<SoftwareInfo>>() { }, "listSoftware"); }

    public List<MountInfo> listMounts() { return call(new TypeReference<List<MountInfo>>() { }, "listMounts"); }

    // ---- sessions ----

    public List<AgentInfo> listAgents() { return call(new TypeReference<List<AgentInfo>>() { }, "listAgents"); }

    /** Starts an agent in the VM and opens an ACP session with it; connect() first to see its events. */
    public SessionRecord createSession(String agentType) { return call(SessionRecord.class, "createSession", agentType); }

    public SessionRecord createSession(String agentType, SessionOptions options) {
        return call(SessionRecord.class, "createSession", agentType, options);
    }

    /** Sends a prompt and waits for the agent's turn to end: its raw response and the streamed text. */
    public PromptResult sendPrompt(String sessionId, String text) { return call(PromptResult.class, "sendPrompt", sessionId, text); }

    public void cancelPrompt(String sessionId) { call("cancelPrompt", sessionId); }

    public void setMode(String sessionId, String modeId) { call("setMode", sessionId, modeId); }

    public SessionModes getModes(String sessionId) { return call(SessionModes.class, "getModes", sessionId); }

    public void setModel(String sessionId, String modelId) { call("setModel", sessionId, modelId); }

    /** Answers a permission request with {@code once}, {@code always} or {@code reject}. */
    public void respondPermission(String sessionId, String permissionId, String reply) {
        call("respondPermission", sessionId, permissionId, reply);
    }

    public List<PermissionRequestInfo> listPendingPermissions(String sessionId) {
        return call(new TypeReference<List<PermissionRequestInfo>>() { }, "listPendingPermissions", sessionId);
    }

    public void closeSession(String sessionId) { call("closeSession", sessionId); }

    public List<SessionRecord> listSessions() { return call(new TypeReference<List<SessionRecord>>() { }, "listSessions"); }

    public List<SessionEventEntry> getSessionEvents(String sessionId) {
        return call(new TypeReference<List<SessionEventEntry>>() { }, "getSessionEvents", sessionId);
    }

    /** The events of a session with {@code seq > afterSeq}. */
    public List<SessionEventEntry> getSessionEvents(String sessionId, long afterSeq) {
        return call(new TypeReference<List<SessionEventEntry>>() { }, "getSessionEvents", sessionId, afterSeq);
    }
}
