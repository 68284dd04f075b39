package dev.agentos.kernel.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * What kind of address a connection would reach. Everything but {@link #PUBLIC} is refused unless a
 * rule names the address: these are where a guest could reach the host itself, the local network or
 * a cloud's credential service (SSRF).
 */
enum AddressClass {
    PUBLIC("public"),
    LOOPBACK("loopback"),
    UNSPECIFIED("unspecified"),
    PRIVATE("private"),
    LINK_LOCAL("link-local"),
    METADATA("metadata"),
    MULTICAST("multicast");

    private static final byte[] AWS_METADATA_V6 = literal("fd00:ec2::254").getAddress();
    /** NAT64's well-known prefix 64:ff9b::/96 carries an IPv4 address in its last four bytes. */
    private static final byte[] NAT64_PREFIX = Arrays.copyOf(literal("64:ff9b::").getAddress(), 12);

    private final String word;

    AddressClass(String word) {
        this.word = word;
    }

    /** How error messages name the class: {@code private address 10.0.0.1}. */
    String word() { return word; }

    static AddressClass of(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            // IPv4 smuggled inside IPv6 (::a.b.c.d, ::ffff:a.b.c.d, 64:ff9b::a.b.c.d) is judged as the IPv4 it is.
            if (embedsIpv4(b)) return of(v4(Arrays.copyOfRange(b, 12, 16)));
            if (Arrays.equals(b, AWS_METADATA_V6)) return METADATA;
            if (v6.isLoopbackAddress()) return LOOPBACK;
            if (v6.isAnyLocalAddress()) return UNSPECIFIED;
            if (v6.isLinkLocalAddress()) return LINK_LOCAL;
            if ((b[0] & 0xfe) == 0xfc || v6.isSiteLocalAddress()) return PRIVATE; // fc00::/7 unique local, old fec0::/10
            if (v6.isMulticastAddress()) return MULTICAST;
            return PUBLIC;
        }
        byte[] b = address.getAddress();
        int a0 = b[0] & 0xff, a1 = b[1] & 0xff;
        if (a0 == 169 && a1 == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254) return METADATA;
        if (a0 == 127) return LOOPBACK;
        if (a0 == 0) return UNSPECIFIED; // 0.0.0.0/8: connecting there reaches the host itself on Linux
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) return PRIVATE;
        if (a0 == 100 && (a1 & 0xc0) == 64) return PRIVATE; // 100.64.0.0/10, carrier-grade NAT
        if (a0 == 169 && a1 == 254) return LINK_LOCAL;
        if (a0 >= 224) return MULTICAST; // multicast, reserved and broadcast: no TCP there
        return PUBLIC;
    }

    private static boolean embedsIpv4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) zeros &= b[i] == 0;
        boolean compatible = zeros && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] & 0xfe) == 0);
        boolean mapped = zeros && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        return compatible || mapped || Arrays.equals(Arrays.copyOf(b, 12), NAT64_PREFIX);
    }

    private static InetAddress v4(byte[] four) {
        try {
            return Inet4Address.getByAddress(four);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress literal(String text) {
        return IpLiteral.parse(text).orElseThrow();
    }
}
