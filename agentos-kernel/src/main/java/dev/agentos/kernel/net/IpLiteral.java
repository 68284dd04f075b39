package dev.agentos.kernel.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals, parsed without ever asking DNS: InetAddress.getByName does no lookup for a
 * literal, so it is called only once the text has the shape of one.
 */
final class IpLiteral {
    private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiteral() {}

    /** The address {@code text} spells (brackets around IPv6 allowed), or empty when it is a name. */
    static Optional<InetAddress> parse(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = V4.matcher(t).matches();
        boolean v6 = t.indexOf(':') >= 0 && V6.matcher(t).matches();
        if (!v4 && !v6) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The address as text, without brackets: {@code 10.0.0.1}, {@code fd00:ec2:0:0:0:0:0:254} shortened. */
    static String format(InetAddress address) {
        String s = address.getHostAddress();
        int zone = s.indexOf('%');
        if (zone >= 0) s = s.substring(0, zone);
        return address.getAddress().length == 16 ? shorten(s) : s;
    }

    /** RFC 5952 style: the longest run of zero groups becomes {@code ::}. */
    private static String shorten(String full) {
        String[] groups = full.split(":");
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < groups.length; ) {
            if (!groups[i].equals("0")) { i++; continue; }
            int j = i;
            while (j < groups.length && groups[j].equals("0")) j++;
            if (j - i > bestLen && j - i > 1) { bestStart = i; bestLen = j - i; }
            i = j;
        }
        if (bestStart < 0) return full;
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return head + "::" + tail;
    }
}
