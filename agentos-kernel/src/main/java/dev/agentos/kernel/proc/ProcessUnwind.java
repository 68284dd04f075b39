package dev.agentos.kernel.proc;

/**
 * Unwinds a program's stack when its process ends from inside a call: {@code exit(n)}, or a signal
 * that killed it. An Error so that programs' {@code catch (Exception e)} blocks let it pass.
 */
final class ProcessUnwind extends Error {
    private static final long serialVersionUID = 1L;

    ProcessUnwind() {
        super(null, null, false, false);
    }
}
