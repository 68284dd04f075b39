package dev.agentos;

/**
 * What a VM tells its listeners: output and exit of processes, data and exit of shells, cron jobs. Output events
 * carry a per-process (per-shell) sequence number starting at 1, so a reader can tell what it missed.
 */
public sealed interface AgentOsEvent {
    /** Bytes a process wrote; {@code stream} is {@code stdout} or {@code stderr}. */
    record ProcessOutput(int pid, String stream, byte[] data, long seq) implements AgentOsEvent {}

    record ProcessExit(int pid, int exitCode) implements AgentOsEvent {}

    /** Bytes a shell's terminal produced. */
    record ShellData(String shellId, byte[] data, long seq) implements AgentOsEvent {}

    record ShellExit(String shellId, int exitCode) implements AgentOsEvent {}

    /** A cron job fired, ended, failed, was skipped or was missed. */
    record Cron(dev.agentos.cron.CronEvent event) implements AgentOsEvent {}
}
