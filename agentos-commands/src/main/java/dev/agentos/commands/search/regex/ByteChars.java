package dev.agentos.commands.search.regex;

/**
 * A mutable, allocation-free {@link CharSequence} view of a byte buffer, one char per byte (Latin-1),
 * so java.util.regex can match bytes as the C locale does without decoding each line.
 */
public final class ByteChars implements CharSequence {
    private byte[] bytes;
    private int offset;
    private int length;

    public ByteChars(byte[] bytes, int offset, int length) {
        set(bytes, offset, length);
    }

    /** Points the view at {@code bytes[offset..offset+length)}. */
    public void set(byte[] newBytes, int newOffset, int newLength) {
        this.bytes = newBytes;
        this.offset = newOffset;
        this.length = newLength;
    }

    @Override public int length() { return length; }

    @Override public char charAt(int index) { return (char) (bytes[offset + index] & 0xff); }

    @Override public CharSequence subSequence(int start, int end) {
        return new String(bytes, offset + start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override public String toString() {
        return new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
