package dev.agentos.commands.system;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The VM's /etc/passwd and /etc/group, read through the process's syscalls. */
record UserDatabase(List<User> users, List<Group> groups) {
    record User(String name, int uid, int gid, String home, String shell) {}

    record Group(String name, int gid, List<String> members) {}

    static UserDatabase load(ProcessContext ctx) {
        List<User> users = new ArrayList<>();
        for (String line : readLines(ctx, "/etc/passwd")) {
            String[] f = line.split(":", -1);
            if (f.length < 7) continue;
            try {
                users.add(new User(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[5], f[6]));
            } catch (NumberFormatException ignored) {
                // a malformed line is skipped, as getpwent does
            }
        }
        List<Group> groups = new ArrayList<>();
        for (String line : readLines(ctx, "/etc/group")) {
            String[] f = line.split(":", -1);
            if (f.length < 4) continue;
            try {
                groups.add(new Group(f[0], Integer.parseInt(f[2]),
                        f[3].isEmpty() ? List.of() : List.of(f[3].split(","))));
            } catch (NumberFormatException ignored) {
                // skipped like getgrent
            }
        }
        return new UserDatabase(users, groups);
    }

    Optional<User> user(int uid) { return users.stream().filter(u -> u.uid == uid).findFirst(); }

    Optional<User> user(String name) { return users.stream().filter(u -> u.name.equals(name)).findFirst(); }

    Optional<Group> group(int gid) { return groups.stream().filter(g -> g.gid == gid).findFirst(); }

    String userName(int uid) { return user(uid).map(User::name).orElse(Integer.toString(uid)); }

    String groupName(int gid) { return group(gid).map(Group::name).orElse(Integer.toString(gid)); }

    /** getgrouplist: the primary group first, then every group listing the user, without repeats. */
    List<Integer> groupsOf(User u) {
        List<Integer> out = new ArrayList<>();
        out.add(u.gid);
        for (Group g : groups) if (g.members.contains(u.name) && !out.contains(g.gid)) out.add(g.gid);
        return out;
    }

    static List<String> readLines(ProcessContext ctx, String path) {
        String text = readFile(ctx, path).orElse("");
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    static Optional<String> readFile(ProcessContext ctx, String path) {
        int fd;
        try {
            fd = ctx.open(path, OpenFlags.O_RDONLY, 0);
        } catch (AgentOsException e) {
            return Optional.empty();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int n;
            while ((n = ctx.read(fd, buf, 0, buf.length)) > 0) out.write(buf, 0, n);
            return Optional.of(out.toString(StandardCharsets.UTF_8));
        } finally {
            ctx.close(fd);
        }
    }
}
