package dev.agentos.commands.diff;

/**
 * One edit of a diff, in 0-based line numbers: {@code deleted} lines of file 0 starting at
 * {@code line0} are replaced by {@code inserted} lines of file 1 starting at {@code line1}. With
 * nothing deleted (or inserted) the line number is where the insertion goes, as in GNU's script.
 */
record Change(int line0, int line1, int deleted, int inserted) {
    int end0() { return line0 + deleted; }
    int end1() { return line1 + inserted; }
}
