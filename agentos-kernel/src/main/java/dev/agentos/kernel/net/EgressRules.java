package dev.agentos.kernel.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The egress policy of a VM: a list of allow rules plus the loopback ports left open for host-side
 * test servers. Everything not allowed is denied. Private, loopback, link-local and cloud metadata
 * addresses stay refused even under {@code *}: only a rule naming the address (an IP or CIDR rule)
 * opens one, and a loopback address is also open on a {@link #loopbackExemptPorts() exempt port}.
 * Immutable.
 */
public record EgressRules(List<EgressRule> allow, Set<Integer> loopbackExemptPorts) implements EgressPolicy {
    /** No rules: every host denied. */
    public static final EgressRules NONE = new EgressRules(List.of(), Set.of());

    /** Host names of cloud metadata services, refused unless a rule names them exactly. */
    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal");

    public EgressRules {
        allow = List.copyOf(allow);
        for (int p : loopbackExemptPorts) {
            if (p < 1 || p > 65535) throw new IllegalArgumentException("bad loopbackExemptPorts entry: " + p);
        }
        loopbackExemptPorts = Set.copyOf(new TreeSet<>(loopbackExemptPorts));
    }

    /** Rules parsed from {@code host[:port]} patterns (see {@link EgressRule#parse}). */
    public static EgressRules allowing(String... rules) {
        return NONE.withRules(Arrays.asList(rules));
    }

    /** These rules plus more. */
    public EgressRules withRules(Collection<String> rules) {
        List<EgressRule> all = new ArrayList<>(allow);
        for (String r : rules) all.add(EgressRule.parse(r));
        return new EgressRules(all, loopbackExemptPorts);
    }

    /** These rules with more loopback ports exempt. */
    public EgressRules withLoopbackExemptPorts(Collection<Integer> ports) {
        Set<Integer> all = new TreeSet<>(loopbackExemptPorts);
        all.addAll(ports);
        return new EgressRules(allow, all);
    }

    @Override public Decision checkName(String host, int port) {
        String name = normalize(host);
        var literal = IpLiteral.parse(name);
        if (literal.isPresent()) return checkAddress(name, literal.get(), port);
        if (METADATA_NAMES.contains(name)) {
            for (EgressRule r : allow) {
                if (r.host() instanceof EgressRule.Host.Name && r.allowsName(name, port)) return allowedBy(r);
            }
            return Decision.deny("metadata address " + name + " is refused: no rule allows it");
        }
        for (EgressRule r : allow) if (r.allowsName(name, port) || r.isAddressRuleFor(port)) return allowedBy(r);
        return denied(name, port);
    }

    @Override public Decision checkAddress(String host, InetAddress address, int port) {
        String name = normalize(host);
        String shown = IpLiteral.format(address);
        boolean literal = IpLiteral.parse(name).isPresent();
        for (EgressRule r : allow) if (r.namesAddress(address, port)) return allowedBy(r);
        AddressClass kind = AddressClass.of(address);
        if (kind == AddressClass.LOOPBACK && loopbackExemptPorts.contains(port)) {
            return Decision.allow("loopback port " + port + " is exempt");
        }
        if (kind != AddressClass.PUBLIC) {
            String what = kind.word() + " address " + shown;
            return Decision.deny((literal ? what : name + " resolves to " + what + ", which") + " is refused: no rule allows it");
        }
        for (EgressRule r : allow) {
            if (r.allowsPublicAddress(address, port) || (!literal && r.allowsName(name, port))) return allowedBy(r);
        }
        if (literal) return denied(shown, port);
        return Decision.deny("host egress denied: no rule allows " + Addresses.format(name, port) + " (resolved to " + shown + ")");
    }

    @Override public boolean exemptsLoopbackPort(int port) {
        return loopbackExemptPorts.contains(port);
    }

    private static Decision allowedBy(EgressRule rule) {
        return Decision.allow("allowed by egress rule " + rule);
    }

    private static Decision denied(String host, int port) {
        return Decision.deny("host egress denied: no rule allows " + Addresses.format(host, port));
    }

    /** Lower case, no brackets, no trailing dot: the form rules are matched against. */
    static String normalize(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.endsWith(".") && h.length() > 1) h = h.substring(0, h.length() - 1);
        return h;
    }
}
