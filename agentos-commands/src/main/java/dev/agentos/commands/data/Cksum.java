package dev.agentos.commands.data;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** cksum: the POSIX CRC-32 and byte count of each file ("CRC SIZE NAME"). */
final class Cksum extends GnuCommand {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 24;
            for (int k = 0; k < 8; k++) c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
            TABLE[i] = c;
        }
    }

    @Override protected String name() { return "cksum"; }

    @Override protected String usage() {
        return "Usage: cksum [OPTION]... [FILE]...\nPrint or verify checksums.\nBy default use the 32 bit CRC algorithm.\n\n"
                + "With no FILE, or when FILE is -, read standard input.\n\n"
                + "      --help        display this help and exit\n"
                + "      --version     output version information and exit\n";
    }

    @Override protected Getopt options() { return Getopt.create(); }

    @Override protected int execute(Invocation inv) throws IOException {
        List<String> files = inv.operands().isEmpty() ? List.of("-") : inv.operands();
        int status = 0;
        byte[] buf = new byte[64 * 1024];
        for (String f : files) {
            int crc = 0;
            long size = 0;
            try (InputStream in = f.equals("-") ? VmFiles.stdin(inv.ctx()) : VmFiles.in(inv.ctx(), f)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    for (int i = 0; i < n; i++) crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ buf[i]) & 0xff];
                    size += n;
                }
            } catch (AgentOsException e) {
                inv.error(f, e);
                status = 1;
                continue;
            }
            for (long len = size; len != 0; len >>>= 8) crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ (int) len) & 0xff];
            long value = Integer.toUnsignedLong(~crc);
            inv.print(value + " " + size + (inv.operands().isEmpty() ? "" : " " + f) + "\n");
        }
        return status;
    }
}
