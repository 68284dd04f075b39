package dev.agentos.kernel.tty;

import dev.agentos.kernel.Signal;
import dev.agentos.kernel.SignalSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every signal sent, as "pgid:SIGNAME" for groups and "pid=N:SIGNAME" for processes. */
final class RecordingSignals implements SignalSink {
    final List<String> sent = new CopyOnWriteArrayList<>();

    @Override public void signalGroup(int pgid, Signal signal) { sent.add(pgid + ":" + signal.name()); }

    @Override public void signalProcess(int pid, Signal signal) { sent.add("pid=" + pid + ":" + signal.name()); }
}
