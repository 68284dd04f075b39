package dev.agentos.kernel.io;

/** /dev/null: reads are at end of file, writes vanish. */
final class NullDevice extends CharDevice {
    NullDevice(int flags) { super(flags, "/dev/null", 1, 3, 6); }

    @Override int readDevice(byte[] buf, int off, int len) { return -1; }

    @Override int writeDevice(byte[] buf, int off, int len) { return len; }
}
