package dev.agentos.commands.data;

import dev.agentos.kernel.proc.ProgramRegistry;

/** The commands for data and archives (jq, base64, sha256sum, bc, tar, gzip, zip, ...). */
public final class DataCommands {
    private DataCommands() {}

    /** Adds this group's commands to the base image. */
    public static void register(ProgramRegistry.Builder programs) {
        programs.add("base64", BaseEncode.base64())
                .add("base32", BaseEncode.base32())
                .add("md5sum", new SumCommand(Digester.MD5))
                .add("sha1sum", new SumCommand(Digester.SHA1))
                .add("sha224sum", new SumCommand(Digester.SHA224))
                .add("sha256sum", new SumCommand(Digester.SHA256))
                .add("sha384sum", new SumCommand(Digester.SHA384))
                .add("sha512sum", new SumCommand(Digester.SHA512))
                .add("b2sum", new SumCommand(Digester.BLAKE2B))
                .add("cksum", new Cksum())
                .add("expr", new Expr())
                .add("factor", new Factor())
                .add("tsort", new Tsort())
                .add("jq", new Jq())
                .add("gzip", new Compress("gzip", Codec.GZIP, false, false))
                .add("gunzip", new Compress("gunzip", Codec.GZIP, true, false))
                .add("zcat", new Compress("zcat", Codec.GZIP, true, true))
                .add("bzip2", new Compress("bzip2", Codec.BZIP2, false, false))
                .add("bunzip2", new Compress("bunzip2", Codec.BZIP2, true, false))
                .add("bzcat", new Compress("bzcat", Codec.BZIP2, true, true))
                .add("xz", new Compress("xz", Codec.XZ, false, false))
                .add("unxz", new Compress("unxz", Codec.XZ, true, false))
                .add("xzcat", new Compress("xzcat", Codec.XZ, true, true))
                .add("tar", new Tar())
                .add("zip", new Zip())
                .add("unzip", new Unzip());
    }
}
