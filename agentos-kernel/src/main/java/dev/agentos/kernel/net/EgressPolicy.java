package dev.agentos.kernel.net;

/**
 * Decides whether a guest may open a connection to a host outside its VM. Loopback connections
 * never reach the policy; everything else does, and a denial names the rule that decided it.
 */
@FunctionalInterface
public interface EgressPolicy {
    /** Denies every host: the default until a VM is configured with an allow-list. */
    EgressPolicy DENY_ALL = (host, port) -> new Decision(false, "host egress denied: no rule allows it");

    /** Whether {@code host:port} may be reached, and the rule that says so. */
    Decision check(String host, int port);

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
    }
}
