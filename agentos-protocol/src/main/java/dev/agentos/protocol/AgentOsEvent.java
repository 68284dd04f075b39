package dev.agentos.protocol;

/**
 * What an actor pushes to every connected client, as {@code {"type":"event","name":...,"data":...}}.
 * Output events carry a per-process (per-shell) sequence number starting at 1.
 */
public sealed interface AgentOsEvent {
    /** The event's name on the wire. */
    String name();

    /** Bytes a process wrote; {@code stream} is {@code stdout} or {@code stderr}; data is base64 on the wire. */
    record ProcessOutput(int pid, String stream, byte[] data, long seq) implements AgentOsEvent {
        public String name() { return "processOutput"; }
    }

    record ProcessExit(int pid, int exitCode) implements AgentOsEvent {
        public String name() { return "processExit"; }
    }

    /** Bytes a shell's terminal produced (base64 on the wire). */
    record ShellData(String shellId, byte[] data, long seq) implements AgentOsEvent {
        public String name() { return "shellData"; }
    }

    record ShellExit(String shellId, int exitCode) implements AgentOsEvent {
        public String name() { return "shellExit"; }
    }

    /** A cron job of the actor fired, ended, failed, was skipped or was missed. */
    record CronEvent(CronEventData event) implements AgentOsEvent {
        public String name() { return "cronEvent"; }
    }

    /**
     * An event of an agent session: {@code event} is the JSON-RPC notification (mostly
     * {@code session/update}, or {@code _agentos/error} when the agent died); seq counts from 1 per session.
     */
    record SessionEvent(String sessionId, long seq, com.fasterxml.jackson.databind.JsonNode event,
                        java.time.Instant createdAt) implements AgentOsEvent {
        public String name() { return "sessionEvent"; }
    }

    /** An agent asks permission; answer with {@code respondPermission(sessionId, request.permissionId, once|always|reject)}. */
    record PermissionRequest(String sessionId, PermissionRequestInfo request) implements AgentOsEvent {
        public String name() { return "permissionRequest"; }
    }

    /** The actor's VM booted (it boots lazily, on the first action). */
    record VmBooted() implements AgentOsEvent {
        public String name() { return "vmBooted"; }
    }

    /** The actor's VM is going away; {@code reason} is {@code sleep}, {@code destroy} or {@code error}. */
    record VmShutdown(String reason) implements AgentOsEvent {
        public String name() { return "vmShutdown"; }
    }

    /** The record type carrying the data of the event with this wire name, or null when unknown. */
    static Class<? extends AgentOsEvent> typeOf(String name) {
        return switch (name) {
            case "processOutput" -> ProcessOutput.class;
            case "processExit" -> ProcessExit.class;
            case "shellData" -> ShellData.class;
            case "shellExit" -> ShellExit.class;
            case "cronEvent" -> CronEvent.class;
            case "vmBooted" -> VmBooted.class;
            case "vmShutdown" -> VmShutdown.class;
            case "sessionEvent" -> SessionEvent.class;
            case "permissionRequest" -> PermissionRequest.class;
            default -> null;
        };
    }
}
