package dev.agentos.kernel.vfs;

/** The kind of a file, with the S_IFMT bits Linux uses for it. */
public enum FileType {
    REGULAR(0100000, 'f'), DIRECTORY(0040000, 'd'), SYMLINK(0120000, 'l'),
    CHAR_DEVICE(0020000, 'c'), FIFO(0010000, 'p'), SOCKET(0140000, 's');

    private final int modeBits;
    private final char letter;

    FileType(int modeBits, char letter) { this.modeBits = modeBits; this.letter = letter; }

    /** The S_IFMT bits of this type. */
    public int modeBits() { return modeBits; }

    /** The letter {@code find -type} uses. */
    public char letter() { return letter; }
}
