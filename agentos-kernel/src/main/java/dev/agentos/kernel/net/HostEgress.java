package dev.agentos.kernel.net;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.Errno;

/**
 * The one door from a VM to the host network. The policy is asked first so that denials are already
 * exact; the transport behind an allowed decision arrives in a later issue, and this is the only
 * place that will change when it does.
 */
final class HostEgress {
    private HostEgress() {}

    static SocketFile connect(EgressPolicy policy, String host, int port) {
        EgressPolicy.Decision decision = policy.check(host, port);
        String detail = "connect " + Addresses.format(host, port);
        if (!decision.allowed()) {
            throw AgentOsException.errnoDetail(Errno.EACCES, detail + " (" + decision.rule() + ")");
        }
        throw AgentOsException.errnoDetail(Errno.ENETUNREACH, detail + " (host egress is not available in this build)");
    }
}
