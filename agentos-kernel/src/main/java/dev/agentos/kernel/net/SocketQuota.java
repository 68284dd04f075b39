package dev.agentos.kernel.net;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;
import java.util.concurrent.atomic.AtomicInteger;

/** The VM's socket limit: every listening socket and every connected endpoint holds one slot. */
final class SocketQuota {
    private final int limit;
    private final AtomicInteger used = new AtomicInteger();

    SocketQuota(int limit) {
        if (limit < 0) throw new IllegalArgumentException("maxSockets < 0: " + limit);
        this.limit = limit;
    }

    /** Takes {@code n} slots at once (a connection needs two) or none: EMFILE names the limit. */
    void acquire(int n) {
        for (;;) {
            int now = used.get();
            if (now + n > limit) {
                throw AgentOsException.errnoDetail(Errno.EMFILE, "socket (limit of " + limit + " sockets reached)");
            }
            if (used.compareAndSet(now, now + n)) return;
        }
    }

    void release() {
        used.decrementAndGet();
    }

    int used() {
        return used.get();
    }
}
