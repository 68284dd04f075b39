package dev.agentos.commands.diff;

import java.util.List;

/**
 * The part of a patch for one file: the names and timestamps of its header, its hunks, the header
 * lines as written (rejects repeat them) and the text before the hunks (quoted when the file is
 * not found). {@code context} is true for a context diff (its rejects are context diffs too).
 */
record FilePatch(String oldName, String oldTime, String newName, String newTime, List<PatchHunk> hunks,
                 List<String> headerLines, List<String> leadingText, boolean context) {
    FilePatch reversed() {
        return new FilePatch(newName, newTime, oldName, oldTime, hunks.stream().map(PatchHunk::reversed).toList(),
                headerLines, leadingText, context);
    }
}
