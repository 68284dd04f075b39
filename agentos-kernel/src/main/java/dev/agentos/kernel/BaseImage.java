package dev.agentos.kernel;

import dev.agentos.kernel.proc.ProgramImage;
import dev.agentos.kernel.proc.ProgramRegistry;
import dev.agentos.kernel.vfs.FileSystemBackend;
import dev.agentos.kernel.vfs.FileType;
import dev.agentos.kernel.vfs.MemoryFileSystem;
import dev.agentos.kernel.vfs.Vnode;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The read-only root image every VM's overlay sits on: the directory tree, /etc, and one executable
 * per registered program. Built once per program registry and shared by every VM, so a VM that has
 * written nothing costs nothing here.
 */
public final class BaseImage {
    public static final String DEFAULT_HOSTNAME = "agentos";
    static final int AGENTOS_UID = 1000;

    private static final Map<ProgramRegistry, BaseImage> CACHE = new ConcurrentHashMap<>();

    private final MemoryFileSystem fs;

    private BaseImage(MemoryFileSystem fs) {
        this.fs = fs;
    }

    /** The (cached) image for a registry. */
    public static BaseImage of(ProgramRegistry programs) {
        return CACHE.computeIfAbsent(programs, BaseImage::build);
    }

    /** The frozen filesystem to use as an overlay's lower layer. */
    public FileSystemBackend filesystem() {
        return fs;
    }

    private static BaseImage build(ProgramRegistry programs) {
        MemoryFileSystem fs = MemoryFileSystem.unlimited(InstantSource.system());
        Vnode root = fs.root();
        for (String d : new String[] {"bin", "sbin", "usr", "usr/bin", "usr/sbin", "usr/local", "usr/local/bin",
                "usr/lib", "usr/share", "lib", "etc", "var", "var/log", "var/lib", "opt", "opt/agentos",
                "opt/agentos/bin", "dev", "proc", "mnt", "run", "srv"}) {
            dir(root, d, 0755, 0);
        }
        dir(root, "tmp", 01777, 0);
        dir(root, "var/tmp", 01777, 0);
        dir(root, "root", 0700, 0);
        dir(root, "home", 0755, 0);
        dir(root, "home/agentos", 0755, AGENTOS_UID);
        dir(root, "workspace", 0755, AGENTOS_UID);
        file(root, "etc/passwd", 0644, """
                root:x:0:0:root:/root:/bin/bash
                agentos:x:1000:1000:agentOS:/home/agentos:/bin/bash
                nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
                """);
        file(root, "etc/group", 0644, """
                root:x:0:
                agentos:x:1000:
                nogroup:x:65534:
                """);
        file(root, "etc/hostname", 0644, DEFAULT_HOSTNAME + "\n");
        file(root, "etc/hosts", 0644, hosts(DEFAULT_HOSTNAME));
        file(root, "etc/resolv.conf", 0644, "# names are resolved by the agentOS kernel on the host side\nnameserver 127.0.0.1\n");
        file(root, "etc/shells", 0644, "/bin/sh\n/bin/bash\n");
        file(root, "etc/os-release", 0644, """
                PRETTY_NAME="agentOS for Java"
                NAME="agentOS"
                ID=agentos
                VERSION_ID="0.1"
                HOME_URL="https://agentos.dev/"
                """);
        for (ProgramRegistry.Entry e : programs.entries().values()) {
            Vnode dir = dir(root, e.installDir().replaceFirst("^/", ""), 0755, 0);
            Vnode f = dir.lookup(e.name()).orElseGet(() -> dir.create(e.name(), FileType.REGULAR, 0755, 0, 0));
            byte[] content = ProgramImage.contentFor(e.name());
            f.truncate(0);
            f.write(0, content, 0, content.length);
        }
        fs.freeze();
        return new BaseImage(fs);
    }

    static String hosts(String hostname) {
        return "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n127.0.1.1\t" + hostname + "\n";
    }

    /** Makes every missing directory of a relative path; returns the last. */
    private static Vnode dir(Vnode root, String path, int mode, int uid) {
        Vnode cur = root;
        if (path.isEmpty()) return cur;
        for (String part : path.split("/")) {
            Vnode parent = cur;
            cur = parent.lookup(part).orElseGet(() -> parent.create(part, FileType.DIRECTORY, mode, uid, uid));
        }
        return cur;
    }

    private static void file(Vnode root, String path, int mode, String text) {
        int slash = path.lastIndexOf('/');
        Vnode dir = dir(root, path.substring(0, slash), 0755, 0);
        Vnode f = dir.create(path.substring(slash + 1), FileType.REGULAR, mode, 0, 0);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        f.write(0, b, 0, b.length);
    }
}
