package dev.agentos.kernel.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Name resolution on the host side; tests substitute names that resolve where they need. */
@FunctionalInterface
interface HostResolver {
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /** Every address of {@code host} (never empty); UnknownHostException when there is none. */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
