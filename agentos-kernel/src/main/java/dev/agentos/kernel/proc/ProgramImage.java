package dev.agentos.kernel.proc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The executable file format of agentOS: a magic line naming a registered program. It plays the part
 * of ELF: {@code cp /bin/ls /tmp/x; /tmp/x} runs ls, and a file that merely looks like a program
 * cannot reach host binaries.
 */
public final class ProgramImage {
    /** The first bytes of every program file: "\177AOS" like ELF's "\177ELF". */
    static final byte[] MAGIC = {0x7f, 'A', 'O', 'S'};

    private ProgramImage() {}

    /** The file content that runs the program {@code name}. */
    public static byte[] contentFor(String name) {
        byte[] n = (" " + name + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(MAGIC, MAGIC.length + n.length);
        System.arraycopy(n, 0, out, MAGIC.length, n.length);
        return out;
    }

    /** The program name in a file's head, when the head is a program image. */
    public static Optional<String> programName(byte[] head, int len) {
        if (len < MAGIC.length + 2) return Optional.empty();
        for (int i = 0; i < MAGIC.length; i++) if (head[i] != MAGIC[i]) return Optional.empty();
        int start = MAGIC.length + 1;
        int end = start;
        while (end < len && head[end] != '\n') end++;
        if (end == len || end == start) return Optional.empty();
        return Optional.of(new String(head, start, end - start, StandardCharsets.UTF_8));
    }
}
