package dev.agentos.kernel.io;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * /dev/random and /dev/urandom. Since Linux 5.6 both are the same CSPRNG that never blocks once seeded;
 * here each description owns one DRBG seeded from the host, so readers never contend on a shared lock.
 * Writes are accepted and ignored (Linux mixes them into the pool without crediting entropy).
 */
final class RandomDevice extends CharDevice {
    // Made on first read: many opens of /dev/urandom read a few bytes or none. Two threads sharing the
    // description (dup, fork) may race to make it; the loser's generator is simply dropped.
    private volatile SecureRandom random;

    private RandomDevice(int flags, String path, int minor, long ino) {
        super(flags, path, 1, minor, ino);
    }

    static RandomDevice random(int flags) { return new RandomDevice(flags, "/dev/random", 8, 9); }

    static RandomDevice urandom(int flags) { return new RandomDevice(flags, "/dev/urandom", 9, 10); }

    @Override int readDevice(byte[] buf, int off, int len) {
        SecureRandom r = generator();
        if (off == 0 && len == buf.length) {
            r.nextBytes(buf);
        } else {
            byte[] chunk = new byte[Math.min(len, 64 * 1024)];
            r.nextBytes(chunk);
            System.arraycopy(chunk, 0, buf, off, chunk.length);
            return chunk.length;
        }
        return len;
    }

    @Override int writeDevice(byte[] buf, int off, int len) { return len; }

    private SecureRandom generator() {
        SecureRandom r = random;
        if (r == null) {
            try {
                r = SecureRandom.getInstance("DRBG");
            } catch (NoSuchAlgorithmException e) {
                r = new SecureRandom();
            }
            random = r;
        }
        return r;
    }
}
