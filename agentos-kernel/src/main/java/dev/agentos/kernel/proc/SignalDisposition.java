package dev.agentos.kernel.proc;

/**
 * What a signal does to a process. CATCH queues it for {@link ProcessContext#takePendingSignals()} and
 * interrupts blocking calls with EINTR: handlers run where the program polls, never mid-call.
 */
public enum SignalDisposition { DEFAULT, IGNORE, CATCH }
