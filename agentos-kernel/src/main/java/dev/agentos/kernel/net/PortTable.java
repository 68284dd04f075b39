package dev.agentos.kernel.net;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The VM's ports: which listener owns each listening port and which ephemeral ports clients hold.
 * Not thread-safe; the network guards it with its lock.
 */
final class PortTable {
    /** Linux's default ip_local_port_range. */
    static final int EPHEMERAL_FIRST = 32768, EPHEMERAL_LAST = 60999;

    private final Map<Integer, ListeningSocket> listeners = new HashMap<>();
    private final Set<Integer> clientPorts = new HashSet<>();
    private int cursor = EPHEMERAL_FIRST;

    ListeningSocket listener(int port) {
        return listeners.get(port);
    }

    void bind(int port, ListeningSocket socket) {
        listeners.put(port, socket);
    }

    void unbind(int port, ListeningSocket socket) {
        listeners.remove(port, socket);
    }

    /**
     * A free ephemeral port, handed out round-robin so a port just released is not immediately
     * reused (a late reader of an old connection then cannot confuse it with a new one).
     */
    OptionalInt freeEphemeral() {
        for (int tries = EPHEMERAL_LAST - EPHEMERAL_FIRST + 1; tries > 0; tries--) {
            int port = cursor;
            cursor = port == EPHEMERAL_LAST ? EPHEMERAL_FIRST : port + 1;
            if (!listeners.containsKey(port) && !clientPorts.contains(port)) return OptionalInt.of(port);
        }
        return OptionalInt.empty();
    }

    void holdClientPort(int port) {
        clientPorts.add(port);
    }

    void releaseClientPort(int port) {
        clientPorts.remove(port);
    }

    List<Integer> listeningPorts() {
        List<Integer> ports = new ArrayList<>(listeners.keySet());
        ports.sort(null);
        return ports;
    }
}
