package dev.agentos.commands.search.find;

import dev.agentos.AgentOsException;
import dev.agentos.commands.files.ListingDate;
import dev.agentos.kernel.vfs.FileStat;
import java.time.Instant;
import java.time.ZoneId;

/** The line find's {@code -ls} prints: inode, 1K blocks, mode, links, owner, group, size, date, path {@code -> target}. */
final class LsLine {
    private final Find.Walker walker;
    private final ZoneId zone;
    private final Instant now;

    LsLine(Find.Walker walker) {
        this.walker = walker;
        this.zone = ListingDate.zone(walker.ctx.getenv("TZ").orElse("UTC"));
        this.now = Instant.ofEpochSecond(0, walker.now);
    }

    String format(Find.Entry e) {
        FileStat st = e.stat;
        StringBuilder b = new StringBuilder(String.format("%9d %6d %s %3d %-8s %-8s %8d %s %s", st.ino(), (st.blocks() + 1) / 2,
                Printf.symbolic(st), st.nlink(), Names.lookupName(walker.ctx, "/etc/passwd", st.uid()),
                Names.lookupName(walker.ctx, "/etc/group", st.gid()), st.size(), ListingDate.format(st.mtimeNanos(), now, zone), e.path));
        if (st.isSymlink()) {
            try {
                b.append(" -> ").append(walker.ctx.readlink(e.path));
            } catch (AgentOsException ex) {
                // GNU find prints the line without a target when the link cannot be read
            }
        }
        return b.append('\n').toString();
    }
}
