package dev.agentos.commands.data;

import dev.agentos.commands.CommandDiff;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.vfs.Caller;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Moves bytes between the VM side and the host side of a {@link CommandDiff}, for binary round trips. */
final class TwinFiles {
    private final CommandDiff diff;
    private final Caller caller = new Caller(0, Credentials.AGENTOS, "/", 022);

    TwinFiles(CommandDiff diff) {
        this.diff = diff;
    }

    private static String vmPath(String rel) {
        return CommandDiff.VM_DIR + "/" + rel;
    }

    byte[] vmRead(String rel) {
        var f = diff.kernel().vfs().open(caller, vmPath(rel), OpenFlags.O_RDONLY, 0);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = f.read(buf, 0, buf.length)) > 0) out.write(buf, 0, n);
            return out.toByteArray();
        } finally {
            f.close();
        }
    }

    void vmWrite(String rel, byte[] content) {
        var f = diff.kernel().vfs().open(caller, vmPath(rel), OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0644);
        try {
            int off = 0;
            while (off < content.length) off += f.write(content, off, content.length - off);
        } finally {
            f.close();
        }
    }

    boolean vmExists(String rel) {
        try {
            diff.kernel().vfs().lstat(caller, vmPath(rel));
            return true;
        } catch (dev.agentos.AgentOsException e) {
            return false;
        }
    }

    FileStat vmStat(String rel) {
        return diff.kernel().vfs().lstat(caller, vmPath(rel));
    }

    void vmChmod(String rel, int mode) {
        diff.kernel().vfs().chmod(caller, vmPath(rel), mode);
    }

    void vmMkdir(String rel) {
        diff.kernel().vfs().mkdir(caller, vmPath(rel), 0755);
    }

    byte[] hostRead(String rel) {
        try {
            return Files.readAllBytes(diff.hostDir().resolve(rel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void hostWrite(String rel, byte[] content) {
        try {
            Path p = diff.hostDir().resolve(rel);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean hostExists(String rel) {
        return Files.exists(diff.hostDir().resolve(rel));
    }

    /** VM file to the host twin. */
    void toHost(String rel) {
        hostWrite(rel, vmRead(rel));
    }

    /** Host file to the VM twin. */
    void toVm(String rel) {
        vmWrite(rel, hostRead(rel));
    }
}
