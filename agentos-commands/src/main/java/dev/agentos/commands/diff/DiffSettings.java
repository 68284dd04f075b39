package dev.agentos.commands.diff;

import java.util.List;

/** The options of one diff run, fixed after parsing. */
record DiffSettings(HunkPrinter.Style style, int context, boolean brief, boolean reportIdentical,
                    boolean recursive, boolean newFile, boolean ignoreCase, Whitespace whitespace,
                    boolean ignoreBlankLines, boolean text, boolean minimal, List<String> labels,
                    String switches) {}
