package dev.agentos;

import java.time.Instant;

/** What {@link AgentOs#stat} says of a path (symlinks followed). */
public record FileInfo(String type, long size, int mode, int uid, int gid, long ino, int nlink,
                       Instant atime, Instant mtime, Instant ctime, Instant birthtime) {
    public boolean isDirectory() { return type.equals("directory"); }
    public boolean isFile() { return type.equals("file"); }
    public boolean isSymlink() { return type.equals("symlink"); }
}
