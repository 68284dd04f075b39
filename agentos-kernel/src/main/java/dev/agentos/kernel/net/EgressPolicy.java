package dev.agentos.kernel.net;

import java.net.InetAddress;

/**
 * Decides whether a guest may open a connection to a host outside its VM. It is asked twice: about
 * the name before any DNS lookup, then about every address the name resolved to, and the kernel
 * connects only to an address that passed (so a name cannot be re-pointed between check and
 * connect). A refusal names the rule that decided it. {@link EgressRules} is the implementation.
 */
public interface EgressPolicy {
    /** Denies every host: the default until a VM is configured with rules. */
    EgressPolicy DENY_ALL = EgressRules.NONE;

    /** Whether {@code host} (a name or an IP literal) may be looked up and tried on {@code port}. */
    Decision checkName(String host, int port);

    /** Whether {@code address}, which {@code host} resolved to, may be connected to on {@code port}. */
    Decision checkAddress(String host, InetAddress address, int port);

    /**
     * True when the VM's loopback connections to {@code port} go to the host's loopback (for test
     * servers on the host) whenever no guest listens on that port.
     */
    boolean exemptsLoopbackPort(int port);

    /**
     * A policy verdict.
     *
     * @param allowed whether the connection may proceed
     * @param rule    the rule that decided, worded for the error message a denied guest sees
     */
    record Decision(boolean allowed, String rule) {
        public Decision {
            java.util.Objects.requireNonNull(rule, "rule");
        }

        static Decision allow(String rule) { return new Decision(true, rule); }

        static Decision deny(String rule) { return new Decision(false, rule); }
    }
}
