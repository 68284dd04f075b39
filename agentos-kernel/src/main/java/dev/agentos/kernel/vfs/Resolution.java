package dev.agentos.kernel.vfs;

/**
 * The outcome of walking a path: the directory holding the last component, that component, and what
 * it names if anything. System calls that create use {@link #parent} and {@link #name}; the others
 * use {@link #target}.
 *
 * @param name the last component; "." or ".." when the path ended so, "/" when it named the root
 * @param target the file named, or null when the last component does not exist
 * @param trailingSlash the path ended in "/" (the file must be a directory)
 */
record Resolution(Location parent, String name, Location target, boolean trailingSlash) {
    boolean exists() { return target != null; }

    /** The last component is ".", ".." or the root: it cannot be created, removed or renamed. */
    boolean special() { return name.equals(".") || name.equals("..") || name.equals("/"); }
}
