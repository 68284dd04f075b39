package dev.agentos.commands.net;

import java.util.Locale;
import java.util.Optional;

/**
 * An absolute http or https URL as curl reads one: a missing scheme means http, the port defaults by
 * scheme, the path defaults to "/", and user:password before the host becomes basic auth.
 *
 * @param scheme   "http" or "https" (other schemes parse but cannot be fetched)
 * @param userInfo "user:password" or empty, still percent-encoded
 * @param host     the host name or address, IPv6 literals without brackets
 * @param port     the explicit port, or the scheme's default
 * @param target   path and query, always starting with "/" (the request target); no fragment
 */
public record HttpUrl(String scheme, Optional<String> userInfo, String host, int port, String target) {
    /** A URL that cannot be parsed; curl's exit status 3. */
    public static final class MalformedUrl extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MalformedUrl(String message) {
            super(message);
        }
    }

    /** Parses {@code text}; a bare {@code host:port/path} means http, as curl guesses. */
    public static HttpUrl parse(String text) {
        String s = text.strip();
        String scheme = "http";
        int sep = s.indexOf("://");
        if (sep > 0 && s.substring(0, sep).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
            scheme = s.substring(0, sep).toLowerCase(Locale.ROOT);
            s = s.substring(sep + 3);
        }
        int hash = s.indexOf('#');
        if (hash >= 0) s = s.substring(0, hash);
        int pathStart = firstOf(s, "/?");
        String authority = pathStart < 0 ? s : s.substring(0, pathStart);
        String target = pathStart < 0 ? "/" : s.substring(pathStart);
        if (target.startsWith("?")) target = "/" + target;
        Optional<String> userInfo = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = Optional.of(authority.substring(0, at));
            authority = authority.substring(at + 1);
        }
        String host;
        String portText = "";
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) throw new MalformedUrl("Port number was not a decimal number between 0 and 65535");
            host = authority.substring(1, close);
            String rest = authority.substring(close + 1);
            if (rest.startsWith(":")) portText = rest.substring(1);
            else if (!rest.isEmpty()) throw new MalformedUrl("URL using bad/illegal format or missing URL");
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            if (colon >= 0) portText = authority.substring(colon + 1);
        }
        if (host.isEmpty()) throw new MalformedUrl("No host part in the URL");
        int port = defaultPort(scheme);
        if (!portText.isEmpty()) {
            if (!portText.chars().allMatch(Character::isDigit) || portText.length() > 5 || Integer.parseInt(portText) > 65535) {
                throw new MalformedUrl("Port number was not a decimal number between 0 and 65535");
            }
            port = Integer.parseInt(portText);
        }
        return new HttpUrl(scheme, userInfo, host.toLowerCase(Locale.ROOT), port, target.replace(" ", "%20"));
    }

    /** 80 for http, 443 for https, -1 for anything else. */
    static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }

    /** The Host header's value: the port only when it is not the scheme's default. */
    public String hostHeader() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == defaultPort(scheme) ? h : h + ":" + port;
    }

    /** The path without the query. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The URL as text, without user info (what curl's %{url_effective} and redirects show). */
    @Override public String toString() {
        return scheme + "://" + hostHeader() + target;
    }

    /** A Location header's value resolved against this URL, as browsers and curl do (RFC 3986 5.2). */
    public HttpUrl resolve(String location) {
        String loc = location.strip();
        int colon = loc.indexOf(':');
        int slash = loc.indexOf('/');
        if (colon > 0 && (slash < 0 || colon < slash) && loc.substring(0, colon).chars().allMatch(Character::isLetter)) {
            return parse(loc);
        }
        if (loc.startsWith("//")) return parse(scheme + ":" + loc);
        String newTarget;
        if (loc.startsWith("/")) {
            newTarget = loc;
        } else if (loc.startsWith("?")) {
            newTarget = path() + loc;
        } else if (loc.isEmpty()) {
            newTarget = target;
        } else {
            String base = path();
            newTarget = base.substring(0, base.lastIndexOf('/') + 1) + loc;
        }
        int hash = newTarget.indexOf('#');
        if (hash >= 0) newTarget = newTarget.substring(0, hash);
        return new HttpUrl(scheme, Optional.empty(), host, port, removeDotSegments(newTarget).replace(" ", "%20"));
    }

    /** Removes "." and ".." path segments, keeping the query untouched. */
    static String removeDotSegments(String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q);
        java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
        String[] parts = path.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            boolean last = i == parts.length - 1;
            if (p.equals(".")) {
                if (last) out.addLast("");
            } else if (p.equals("..")) {
                out.pollLast();
                if (last) out.addLast("");
            } else {
                out.addLast(p);
            }
        }
        return "/" + String.join("/", out) + query;
    }

    /** The last path segment, decoded of nothing: what wget and {@code curl -O} name the file. */
    public String fileName() {
        String p = path();
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
