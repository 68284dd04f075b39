package dev.agentos.kernel.net;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One allow rule of the egress policy, written {@code host[:port]}: a host name
 * ({@code api.anthropic.com}), every subdomain of one ({@code *.example.com}), every host ({@code *}),
 * an IP address ({@code 93.184.216.34}, {@code [2606:2800::1]}) or a CIDR block ({@code 10.0.0.0/8},
 * {@code [fd00::/8]}). The port is a number or {@code *}; without one every port is allowed.
 */
public record EgressRule(String text, Host host, int port) {
    /** {@link #port} of a rule that allows every port. */
    public static final int ANY_PORT = -1;

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");

    public EgressRule {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(host, "host");
        if (port != ANY_PORT && !Addresses.validPort(port)) throw new IllegalArgumentException("bad port in egress rule: " + text);
    }

    /** What the host part of a rule matches. */
    public sealed interface Host {
        /** {@code *}: every host name and every public address. */
        record Any() implements Host {}

        /** {@code *.example.com}: names ending in {@code .example.com} (not example.com itself). */
        record Subdomains(String suffix) implements Host {}

        /** One host name, case-insensitive. */
        record Name(String name) implements Host {}

        /** An address or a block of them; {@code prefix} is the block's length in bits. */
        record Block(InetAddress network, int prefix) implements Host {
            boolean contains(InetAddress address) {
                byte[] net = network.getAddress(), a = address.getAddress();
                if (net.length != a.length) return false;
                int full = prefix / 8, rest = prefix % 8;
                if (!Arrays.equals(net, 0, full, a, 0, full)) return false;
                if (rest == 0) return true;
                int mask = 0xff << (8 - rest) & 0xff;
                return (net[full] & mask) == (a[full] & mask);
            }
        }
    }

    /**
     * Parses {@code host[:port]}. IPv6 addresses and blocks go in brackets when a port follows
     * ({@code [::1]:8080}); a bare IPv6 literal allows every port.
     */
    public static EgressRule parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) throw bad(text, "empty");
        String hostPart;
        String portPart = null;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) throw bad(text, "missing ']'");
            hostPart = t.substring(1, close);
            String after = t.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) throw bad(text, "expected ':port' after ']'");
                portPart = after.substring(1);
            }
        } else if (t.indexOf(':') != t.lastIndexOf(':')) {
            hostPart = t; // a bare IPv6 literal or block: no port
        } else {
            int colon = t.indexOf(':');
            hostPart = colon < 0 ? t : t.substring(0, colon);
            portPart = colon < 0 ? null : t.substring(colon + 1);
        }
        return new EgressRule(t, parseHost(text, hostPart), parsePort(text, portPart));
    }

    /** True when this rule allows connecting to the host name {@code name} on {@code port}. */
    boolean allowsName(String name, int port) {
        if (!portMatches(port)) return false;
        return switch (host) {
            case Host.Any a -> true;
            case Host.Subdomains s -> name.endsWith("." + s.suffix());
            case Host.Name n -> n.name().equals(name);
            case Host.Block b -> false;
        };
    }

    /**
     * True when this rule names {@code address} (an address or block containing it) for {@code port}.
     * Only such a rule opens a private, loopback, link-local or metadata address.
     */
    boolean namesAddress(InetAddress address, int port) {
        return portMatches(port) && host instanceof Host.Block b && b.prefix() > 0 && b.contains(address);
    }

    /** True when this rule allows a public address on {@code port}: {@code *} or a block containing it. */
    boolean allowsPublicAddress(InetAddress address, int port) {
        if (!portMatches(port)) return false;
        return host instanceof Host.Any || (host instanceof Host.Block b && b.contains(address));
    }

    /** True when an address rule could apply on this port, so a name is worth resolving for it. */
    boolean isAddressRuleFor(int port) {
        return portMatches(port) && host instanceof Host.Block;
    }

    private boolean portMatches(int p) {
        return port == ANY_PORT || port == p;
    }

    @Override public String toString() { return text; }

    private static Host parseHost(String text, String h) {
        String host = h.toLowerCase(Locale.ROOT);
        if (host.equals("*")) return new Host.Any();
        if (host.endsWith(".") && host.length() > 1) host = host.substring(0, host.length() - 1); // FQDN spelling
        int slash = host.indexOf('/');
        if (slash >= 0) {
            InetAddress net = IpLiteral.parse(host.substring(0, slash)).orElseThrow(() -> bad(text, "not an IP block"));
            int bits = net.getAddress().length * 8;
            int prefix;
            try {
                prefix = Integer.parseInt(host.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw bad(text, "bad prefix length");
            }
            if (prefix < 0 || prefix > bits) throw bad(text, "prefix length out of range");
            return new Host.Block(net, prefix);
        }
        var literal = IpLiteral.parse(host);
        if (literal.isPresent()) return new Host.Block(literal.get(), literal.get().getAddress().length * 8);
        if (host.startsWith("*.")) {
            String suffix = host.substring(2);
            if (!NAME.matcher(suffix).matches()) throw bad(text, "bad domain");
            return new Host.Subdomains(suffix);
        }
        if (!NAME.matcher(host).matches()) throw bad(text, "bad host name");
        return new Host.Name(host);
    }

    private static int parsePort(String text, String p) {
        if (p == null || p.equals("*")) return ANY_PORT;
        try {
            int port = Integer.parseInt(p);
            if (port < 1 || port > 65535) throw bad(text, "port out of range");
            return port;
        } catch (NumberFormatException e) {
            throw bad(text, "bad port");
        }
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("bad egress rule '" + text + "': " + why);
    }
}
