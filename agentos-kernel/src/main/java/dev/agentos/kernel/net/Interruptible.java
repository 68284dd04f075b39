package dev.agentos.kernel.net;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import java.util.concurrent.locks.Condition;

/**
 * Parking for blocking socket calls. The kernel delivers a signal by interrupting the thread, which
 * must end the call with EINTR; await() has already cleared the interrupt flag when it throws.
 */
final class Interruptible {
    private Interruptible() {}

    /** Waits on {@code condition} (its lock held); false when the wait was interrupted. */
    static boolean await(Condition condition) {
        try {
            condition.await();
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Waits, or throws EINTR naming the call. */
    static void awaitOrThrow(Condition condition, String detail) {
        if (!await(condition)) throw AgentOsException.errnoDetail(Errno.EINTR, detail);
    }
}
