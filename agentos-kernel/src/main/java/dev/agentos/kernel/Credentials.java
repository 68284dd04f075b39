package dev.agentos.kernel;

/** Who is asking: user, primary group and supplementary groups; uid 0 bypasses permission checks. */
public record Credentials(int uid, int gid, int[] groups) {
    public static final Credentials ROOT = new Credentials(0, 0, new int[0]);
    /** The default guest user {@code agentos} (uid 1000, gid 1000, home {@code /home/agentos}). */
    public static final Credentials AGENTOS = new Credentials(1000, 1000, new int[0]);

    public boolean isRoot() { return uid == 0; }

    public boolean inGroup(int g) {
        if (g == gid) return true;
        for (int x : groups) if (x == g) return true;
        return false;
    }
}
