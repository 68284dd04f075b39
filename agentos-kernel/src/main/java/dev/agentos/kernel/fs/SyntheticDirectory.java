package dev.agentos.kernel.fs;

import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileType;
import dev.agentos.kernel.vfs.Vnode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** A generated directory whose entries are computed on each look (processes come and go). */
final class SyntheticDirectory extends SyntheticNode {
    private final Supplier<Map<String, Vnode>> entries;

    SyntheticDirectory(int mode, int uid, long timeNanos, Supplier<Map<String, Vnode>> entries) {
        super(FileType.DIRECTORY, mode, uid, 0, timeNanos);
        this.entries = entries;
    }

    @Override public Optional<Vnode> lookup(String name) {
        return Optional.ofNullable(entries.get().get(name));
    }

    @Override public List<DirEntry> list() {
        List<DirEntry> out = new ArrayList<>();
        entries.get().forEach((name, node) -> {
            var st = node.stat();
            out.add(new DirEntry(name, st.ino(), st.type()));
        });
        return out;
    }
}
