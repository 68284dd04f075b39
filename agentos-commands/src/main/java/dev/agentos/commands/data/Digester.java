package dev.agentos.commands.data;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One digest algorithm of the *sum family: its JDK (or own) implementation and its names. */
record Digester(String command, String tag, String jdkName, int bits) {
    static final Digester MD5 = new Digester("md5sum", "MD5", "MD5", 128);
    static final Digester SHA1 = new Digester("sha1sum", "SHA1", "SHA-1", 160);
    static final Digester SHA224 = new Digester("sha224sum", "SHA224", "SHA-224", 224);
    static final Digester SHA256 = new Digester("sha256sum", "SHA256", "SHA-256", 256);
    static final Digester SHA384 = new Digester("sha384sum", "SHA384", "SHA-384", 384);
    static final Digester SHA512 = new Digester("sha512sum", "SHA512", "SHA-512", 512);
    static final Digester BLAKE2B = new Digester("b2sum", "BLAKE2b", "", 512);

    boolean isBlake() { return jdkName.isEmpty(); }

    /** The same algorithm with another digest length (b2sum -l). */
    Digester withBits(int bits) { return new Digester(command, tag, jdkName, bits); }

    /** The name in --tag lines: {@code BLAKE2b-256} when the length is not the default. */
    String tagName() { return isBlake() && bits != 512 ? tag + "-" + bits : tag; }

    String hex(InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        int n;
        if (isBlake()) {
            Blake2b b = new Blake2b(bits / 8);
            while ((n = in.read(buf)) > 0) b.update(buf, 0, n);
            return HexFormat.of().formatHex(b.digest());
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
        return HexFormat.of().formatHex(md.digest());
    }
}
