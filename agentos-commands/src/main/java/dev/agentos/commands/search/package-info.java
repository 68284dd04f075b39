/**
 * Searching and editing commands: {@code grep}/{@code egrep}/{@code fgrep}, {@code sed}, {@code find}
 * and {@code xargs}, matching GNU grep 3.8, sed 4.9 and findutils 4.9 in the C locale.
 *
 * <p>Text is handled as bytes: lines are split in place in 64 KiB buffers ({@link
 * dev.agentos.commands.search.LineSource}) and regexes run over Latin-1 views of those bytes ({@link
 * dev.agentos.commands.search.regex.ByteChars}), so no line is decoded or copied to be matched.
 * POSIX BRE/ERE are translated to java.util.regex by {@link dev.agentos.commands.search.regex.PosixRegex};
 * Java is leftmost-first where POSIX is leftmost-longest, which only shows in match extents (grep -o,
 * sed s) of patterns with alternation; those are extended to the longest match from the same start,
 * but sub-group extents can still differ from glibc's.
 *
 * <p>find walks directories in readdir order, which in the VM is insertion order (ext4 on a host uses
 * hash order): differential tests compare multi-entry listings sorted.
 */
package dev.agentos.commands.search;
