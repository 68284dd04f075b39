package dev.agentos.protocol;

import java.util.List;
import java.util.Optional;

/**
 * What {@code readProcessOutput(pid, afterSeq)} returns: the retained output chunks with a sequence
 * number above {@code afterSeq}, the first sequence number still retained (older output was dropped
 * to keep the per-process retention bound), and the exit code once the process ended.
 */
public record ProcessOutputPage(int pid, List<Chunk> chunks, long firstRetainedSeq, long lastSeq, Optional<Integer> exitCode) {
    public ProcessOutputPage {
        chunks = chunks == null ? List.of() : List.copyOf(chunks);
        exitCode = exitCode == null ? Optional.empty() : exitCode;
    }

    /** One write of a process to {@code stdout} or {@code stderr}. */
    public record Chunk(String stream, byte[] data, long seq) {}
}
