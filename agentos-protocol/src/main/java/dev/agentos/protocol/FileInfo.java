package dev.agentos.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/** What {@code stat} says of a path (symlinks followed); times are ISO-8601 strings on the wire. */
public record FileInfo(String type, long size, int mode, int uid, int gid, long ino, int nlink,
                       Instant atime, Instant mtime, Instant ctime, Instant birthtime) {
    @JsonIgnore public boolean isDirectory() { return "directory".equals(type); }
    @JsonIgnore public boolean isFile() { return "file".equals(type); }
    @JsonIgnore public boolean isSymlink() { return "symlink".equals(type); }
}
