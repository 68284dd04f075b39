package dev.agentos.kernel.proc;

/**
 * A program a guest process runs: the shell, each command, {@code node}, a WASM module. It reaches the
 * kernel only through its {@link ProcessContext}; its return value is the exit status (0-255).
 * Exceptions escaping {@code run} end the process with status 1 and the message on stderr; an
 * uncaught {@link dev.agentos.AgentOsException} is printed as {@code name: message}.
 *
 * <p>One registered instance serves every process (and every VM) at once, concurrently: keep per-run
 * state in locals or in an object made inside {@code run}, never in fields.
 */
@FunctionalInterface
public interface Program {
    int run(ProcessContext ctx) throws Exception;
}
