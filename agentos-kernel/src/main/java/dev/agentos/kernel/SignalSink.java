package dev.agentos.kernel;

/** Where terminals and pipes send signals: the process table implements it. */
public interface SignalSink {
    /** Sends {@code signal} to every process of group {@code pgid}; no-op for an empty group. */
    void signalGroup(int pgid, Signal signal);

    /** Sends {@code signal} to one process; no-op when it has exited. */
    void signalProcess(int pid, Signal signal);

    /** A sink that drops everything, for pieces used outside a VM (tests, host-side handles). */
    SignalSink NONE = new SignalSink() {
        @Override public void signalGroup(int pgid, Signal signal) {}
        @Override public void signalProcess(int pid, Signal signal) {}
    };
}
