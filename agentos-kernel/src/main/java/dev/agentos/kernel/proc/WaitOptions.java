package dev.agentos.kernel.proc;

/** waitpid options: WNOHANG, WUNTRACED, WCONTINUED. */
public record WaitOptions(boolean noHang, boolean untraced, boolean continued) {
    public static final WaitOptions BLOCK = new WaitOptions(false, false, false);
    public static final WaitOptions NO_HANG = new WaitOptions(true, false, false);
    public static final WaitOptions UNTRACED = new WaitOptions(false, true, false);
}
