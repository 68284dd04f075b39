package dev.agentos.cli;

import dev.agentos.client.AgentOsHandle;
import dev.agentos.protocol.DirEntryInfo;
import dev.agentos.protocol.FileEntry;
import dev.agentos.protocol.ReadResult;
import dev.agentos.protocol.WriteResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code agentos cp SRC DST}: copies between local files and a server's VM, either way, one side written
 * {@code KEY:/path}. Directories need {@code -r}. Files travel in batches ({@code writeFiles}/{@code
 * readFiles}) of at most {@value #BATCH_BYTES} bytes, with progress on a terminal.
 */
@Command(name = "cp", mixinStandardHelpOptions = true, description = {"Copy files between this machine and a server's VM.",
    "  agentos cp notes.txt my-agent:/home/agentos/", "  agentos cp -r my-agent:/home/agentos/src ./src"})
final class CpCommand implements Callable<Integer> {
    static final long BATCH_BYTES = 8L << 20;
    static final int BATCH_FILES = 256;

    @ParentCommand private AgentOsCli cli;
    @Mixin private Remote remote;
    @Spec private CommandSpec spec;
    @Option(names = {"-r", "-R", "--recursive"}, description = "Copy directories recursively.") private boolean recursive;
    @Parameters(index = "0", paramLabel = "SRC") private String source;
    @Parameters(index = "1", paramLabel = "DST") private String dest;

    @Override public Integer call() throws Exception {
        Optional<VmPath> from = VmPath.parse(source);
        Optional<VmPath> to = VmPath.parse(dest);
        if (from.isPresent() == to.isPresent()) {
            throw new ParameterException(spec.commandLine(), "exactly one of SRC and DST must be KEY:/path");
        }
        Progress progress = new Progress(cli.err(), cli.onRealTerminal() && HostTerminal.isTty(2));
        int copied = to.isPresent() ? upload(Path.of(source), to.get(), progress) : download(from.get(), Path.of(dest), progress);
        progress.done(copied);
        return 0;
    }

    // ---- local → VM ----

    private int upload(Path src, VmPath dst, Progress progress) throws IOException {
        if (!Files.exists(src)) throw new ParameterException(spec.commandLine(), "cannot stat '" + src + "': No such file or directory");
        AgentOsHandle vm = remote.vm(dst.key());
        boolean dstIsDir = vm.exists(dst.path()) && vm.stat(dst.path()).type().equals("directory");
        VmPath root = dstIsDir || dst.path().endsWith("/") ? dst.resolve(src.getFileName().toString()) : dst;
        if (!Files.isDirectory(src)) {
            byte[] content = Files.readAllBytes(src);
            vm.writeFile(root.path(), content);
            progress.add(1, content.length);
            return 1;
        }
        if (!recursive) throw new ParameterException(spec.commandLine(), "-r not specified; omitting directory '" + src + "'");
        List<Path> files = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(src)) {
            walk.forEach(p -> (Files.isDirectory(p) ? dirs : files).add(p));
        }
        progress.total(files.size());
        for (Path d : dirs) vm.mkdir(target(root, src, d), true);
        List<FileEntry> batch = new ArrayList<>();
        long batchBytes = 0;
        for (Path f : files) {
            byte[] content = Files.readAllBytes(f);
            if (!batch.isEmpty() && (batchBytes + content.length > BATCH_BYTES || batch.size() >= BATCH_FILES)) {
                send(vm, batch, progress);
                batch.clear();
                batchBytes = 0;
            }
            batch.add(new FileEntry(target(root, src, f), content));
            batchBytes += content.length;
        }
        if (!batch.isEmpty()) send(vm, batch, progress);
        return files.size();
    }

    private static String target(VmPath root, Path srcRoot, Path p) {
        String rel = srcRoot.relativize(p).toString().replace('\\', '/');
        return rel.isEmpty() ? root.path() : root.resolve(rel).path();
    }

    private static void send(AgentOsHandle vm, List<FileEntry> batch, Progress progress) {
        List<WriteResult> results = vm.writeFiles(batch);
        for (WriteResult r : results) {
            if (!r.success()) throw new IllegalStateException(r.error().map(e -> e.message()).orElse("cannot write " + r.path()));
        }
        progress.add(batch.size(), batch.stream().mapToLong(e -> e.content().length).sum());
    }

    // ---- VM → local ----

    private int download(VmPath src, Path dst, Progress progress) throws IOException {
        AgentOsHandle vm = remote.vm(src.key());
        String type = vm.stat(src.path()).type();
        String name = src.path().replaceFirst("/+$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        Path root = Files.isDirectory(dst) ? dst.resolve(name.isEmpty() ? "root" : name) : dst;
        if (!type.equals("directory")) {
            byte[] content = vm.readFile(src.path());
            Files.write(root, content);
            progress.add(1, content.length);
            return 1;
        }
        if (!recursive) throw new ParameterException(spec.commandLine(), "-r not specified; omitting directory '" + src + "'");
        Files.createDirectories(root);
        List<DirEntryInfo> entries = vm.readdirRecursive(src.path());
        List<DirEntryInfo> files = entries.stream().filter(e -> e.type().equals("file")).toList();
        progress.total(files.size());
        for (DirEntryInfo e : entries) {
            if (e.type().equals("directory")) Files.createDirectories(local(root, src, e.path()));
        }
        List<String> batch = new ArrayList<>();
        long batchBytes = 0;
        for (DirEntryInfo f : files) {
            if (!batch.isEmpty() && (batchBytes + f.size() > BATCH_BYTES || batch.size() >= BATCH_FILES)) {
                fetch(vm, batch, root, src, progress);
                batch.clear();
                batchBytes = 0;
            }
            batch.add(f.path());
            batchBytes += f.size();
        }
        if (!batch.isEmpty()) fetch(vm, batch, root, src, progress);
        return files.size();
    }

    private static Path local(Path root, VmPath src, String vmPath) {
        String rel = vmPath.substring(src.path().replaceFirst("/+$", "").length()).replaceFirst("^/+", "");
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root.normalize())) throw new IllegalStateException("refusing to write outside " + root + ": " + vmPath);
        return p;
    }

    private static void fetch(AgentOsHandle vm, List<String> paths, Path root, VmPath src, Progress progress) throws IOException {
        long bytes = 0;
        for (ReadResult r : vm.readFiles(paths)) {
            if (r.content().isEmpty()) throw new IllegalStateException(r.error().map(e -> e.message()).orElse("cannot read " + r.path()));
            Files.write(local(root, src, r.path()), r.content().get());
            bytes += r.content().get().length;
        }
        progress.add(paths.size(), bytes);
    }

    /** "copied 120/300 files, 4.1 MiB" on one terminal line, rewritten in place; nothing when not a terminal. */
    static final class Progress {
        private final PrintStream err;
        private final boolean show;
        private int total = -1;
        private int files;
        private long bytes;

        Progress(PrintStream err, boolean show) {
            this.err = err;
            this.show = show;
        }

        void total(int n) { total = n; }

        void add(int n, long b) {
            files += n;
            bytes += b;
            if (show) {
                err.print("\rcopied " + files + (total >= 0 ? "/" + total : "") + " files, " + human(bytes) + "   ");
                err.flush();
            }
        }

        void done(int n) {
            if (show) err.println();
        }

        static String human(long b) {
            if (b < 1024) return b + " B";
            if (b < 1L << 20) return String.format("%.1f KiB", b / 1024.0);
            return String.format("%.1f MiB", b / (double) (1L << 20));
        }
    }
}
