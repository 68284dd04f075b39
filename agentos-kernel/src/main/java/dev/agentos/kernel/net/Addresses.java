package dev.agentos.kernel.net;

import java.util.Locale;
import java.util.Set;

/**
 * Which host names mean "this VM". Every loopback and wildcard spelling lands on the same single
 * interface: a VM has no other, so binding to 0.0.0.0 and to 127.0.0.1 are the same thing.
 */
final class Addresses {
    static final String LOOPBACK = "127.0.0.1";
    private static final Set<String> LOCAL = Set.of("", "0.0.0.0", "127.0.0.1", "localhost", "::", "::1", "[::]", "[::1]");

    private Addresses() {}

    /** True when {@code host} names the VM itself; {@code hostname} is the VM's own name, maybe empty. */
    static boolean isLocal(String host, String hostname) {
        String h = host.toLowerCase(Locale.ROOT);
        return LOCAL.contains(h) || (!hostname.isEmpty() && h.equalsIgnoreCase(hostname));
    }

    /** {@code host:port} as error messages show it; IPv6 literals get brackets as in URLs. */
    static String format(String host, int port) {
        if (host.isEmpty()) host = "0.0.0.0";
        boolean v6 = host.indexOf(':') >= 0 && !host.startsWith("[");
        return (v6 ? "[" + host + "]" : host) + ":" + port;
    }

    static boolean validPort(int port) {
        return port >= 0 && port <= 65535;
    }
}
