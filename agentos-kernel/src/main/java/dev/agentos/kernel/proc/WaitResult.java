package dev.agentos.kernel.proc;

/** What waitpid reports: which child, and how it changed. */
public record WaitResult(int pid, ExitStatus status) {}
