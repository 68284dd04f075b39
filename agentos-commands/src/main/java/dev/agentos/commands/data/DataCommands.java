package dev.agentos.commands.data;

import dev.agentos.kernel.proc.ProgramRegistry;

/** The commands for data and archives (jq, base64, sha256sum, bc, tar, gzip, zip, ...). */
public final class DataCommands {
    private DataCommands() {}

    /**
     * Adds this group's commands to the base image. Commands that keep per-run state (expr, bc, the
     * compressors) get a fresh instance per process; the others are stateless and shared.
     */
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
                .add("expr", ctx -> new Expr().run(ctx))
                .add("factor", new Factor())
                .add("tsort", new Tsort())
                .add("jq", new Jq())
                .add("gzip", ctx -> new Compress("gzip", Codec.GZIP, false, false).run(ctx))
                .add("gunzip", ctx -> new Compress("gunzip", Codec.GZIP, true, false).run(ctx))
                .add("zcat", ctx -> new Compress("zcat", Codec.GZIP, true, true).run(ctx))
                .add("bzip2", ctx -> new Compress("bzip2", Codec.BZIP2, false, false).run(ctx))
                .add("bunzip2", ctx -> new Compress("bunzip2", Codec.BZIP2, true, false).run(ctx))
                .add("bzcat", ctx -> new Compress("bzcat", Codec.BZIP2, true, true).run(ctx))
                .add("xz", ctx -> new Compress("xz", Codec.XZ, false, false).run(ctx))
                .add("unxz", ctx -> new Compress("unxz", Codec.XZ, true, false).run(ctx))
                .add("xzcat", ctx -> new Compress("xzcat", Codec.XZ, true, true).run(ctx))
                .add("tar", new Tar())
                .add("zip", new Zip())
                .add("unzip", new Unzip())
                .add("bc", ctx -> new Bc().run(ctx));
    }
}
