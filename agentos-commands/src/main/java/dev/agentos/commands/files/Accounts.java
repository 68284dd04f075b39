package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.proc.ProcessContext;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/** The VM's users and groups, read from its /etc/passwd and /etc/group. */
final class Accounts {
    private final Map<Integer, String> users = new HashMap<>();
    private final Map<Integer, String> groups = new HashMap<>();
    private final Map<String, Integer> userIds = new HashMap<>();
    private final Map<String, Integer> groupIds = new HashMap<>();
    private final Map<String, Integer> userGroups = new HashMap<>();

    Accounts(ProcessContext ctx) {
        load(ctx, "/etc/passwd", users, userIds, true);
        load(ctx, "/etc/group", groups, groupIds, false);
    }

    private void load(ProcessContext ctx, String path, Map<Integer, String> byId, Map<String, Integer> byName, boolean passwd) {
        String text;
        try {
            text = new String(SysFiles.readAll(ctx, path), java.nio.charset.StandardCharsets.UTF_8);
        } catch (AgentOsException e) {
            return;
        }
        for (String line : text.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length < 3) continue;
            try {
                int id = Integer.parseInt(f[2]);
                byId.putIfAbsent(id, f[0]);
                byName.putIfAbsent(f[0], id);
                if (passwd && f.length > 3) userGroups.putIfAbsent(f[0], Integer.parseInt(f[3]));
            } catch (NumberFormatException ignored) {
                // a malformed line names nobody
            }
        }
    }

    String user(int uid) { return users.getOrDefault(uid, Integer.toString(uid)); }
    String group(int gid) { return groups.getOrDefault(gid, Integer.toString(gid)); }
    boolean hasUser(int uid) { return users.containsKey(uid); }
    boolean hasGroup(int gid) { return groups.containsKey(gid); }

    OptionalInt uid(String name) {
        Integer id = userIds.get(name);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    OptionalInt gid(String name) {
        Integer id = groupIds.get(name);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The login group of a user, for {@code chown user:}. */
    OptionalInt loginGroup(String user) {
        Integer id = userGroups.get(user);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }
}
