package dev.agentos.protocol;

/** What a finished command produced: its exit code (128+N when killed by signal N) and its output. */
public record ExecResult(int exitCode, String stdout, String stderr) {}
