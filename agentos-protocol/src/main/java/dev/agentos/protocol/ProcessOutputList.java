package dev.agentos.protocol;

import java.util.List;
import java.util.Optional;

/**
 * What {@code listProcessOutputs(afterCursor)} returns: the processes whose output the server retains
 * that it first heard of after {@code afterCursor} (pid, last output sequence number, exit code once
 * ended), and the cursor to ask with next time. The WebSocket's hello frame carries the cursor at
 * connection time, so a client that reconnects can find the processes spawned while it was away.
 */
public record ProcessOutputList(long cursor, List<Entry> processes) {
    public ProcessOutputList {
        processes = processes == null ? List.of() : List.copyOf(processes);
    }

    public record Entry(int pid, long lastSeq, Optional<Integer> exitCode) {
        public Entry {
            exitCode = exitCode == null ? Optional.empty() : exitCode;
        }
    }
}
