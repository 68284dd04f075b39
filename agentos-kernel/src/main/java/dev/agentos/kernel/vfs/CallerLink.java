package dev.agentos.kernel.vfs;

/** A symlink whose target depends on who asks: {@code /proc/self} (the VFS passes the caller). */
public interface CallerLink extends Vnode {
    String readlink(Caller caller);
}
