package dev.agentos.commands.net;

import java.util.Locale;
import java.util.Optional;

/** curl's -w format: {@code %{variable}}, {@code %header{name}}, {@code %%} and backslash escapes. */
final class CurlWriteOut {
    /** What one transfer left for -w to report. */
    record Transfer(String method, Optional<HttpUrl> url, Optional<HttpResponse.Head> head, long sizeDownload,
                    long sizeHeader, long sizeUpload, long sizeRequest, int redirects, Optional<String> redirectUrl,
                    int localPort, int exitCode, String errorMessage, double seconds) {}

    private CurlWriteOut() {}

    /** The expanded text; unknown variables are reported through {@code warn} and expand to nothing. */
    static String format(String format, Transfer t, java.util.function.Consumer<String> warn) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\\' && i + 1 < format.length()) {
                char n = format.charAt(++i);
                switch (n) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case '\\' -> out.append('\\');
                    default -> out.append('\\').append(n);
                }
            } else if (c == '%' && format.startsWith("%%", i)) {
                out.append('%');
                i++;
            } else if (c == '%' && format.startsWith("%{", i) && format.indexOf('}', i) > 0) {
                int end = format.indexOf('}', i);
                String name = format.substring(i + 2, end);
                Optional<String> v = variable(name, t);
                if (v.isPresent()) out.append(v.get());
                else warn.accept("unknown --write-out variable: '" + name + "'");
                i = end;
            } else if (c == '%' && format.startsWith("%header{", i) && format.indexOf('}', i) > 0) {
                int end = format.indexOf('}', i);
                String name = format.substring(i + 8, end);
                t.head.flatMap(h -> h.headers().first(name)).ifPresent(out::append);
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Optional<String> variable(String name, Transfer t) {
        String value = switch (name) {
            case "http_code", "response_code" -> String.format(Locale.ROOT, "%03d", t.head.map(HttpResponse.Head::status).orElse(0));
            case "http_version" -> t.head.map(h -> h.version().substring(5)).orElse("0");
            case "size_download" -> Long.toString(t.sizeDownload);
            case "size_header" -> Long.toString(t.sizeHeader);
            case "size_upload" -> Long.toString(t.sizeUpload);
            case "size_request" -> Long.toString(t.sizeRequest);
            case "url_effective" -> t.url.map(HttpUrl::toString).orElse("");
            case "url" -> t.url.map(HttpUrl::toString).orElse("");
            case "content_type" -> t.head.flatMap(h -> h.headers().first("Content-Type")).orElse("");
            case "num_redirects" -> Integer.toString(t.redirects);
            case "redirect_url" -> t.redirectUrl.orElse("");
            case "remote_ip" -> t.url.map(u -> remoteIp(u.host())).orElse("");
            case "remote_port" -> t.url.map(u -> Integer.toString(u.port())).orElse("");
            case "local_ip" -> t.url.isPresent() ? "127.0.0.1" : "";
            case "local_port" -> Integer.toString(t.localPort);
            case "scheme" -> t.url.map(u -> u.scheme().toUpperCase(Locale.ROOT)).orElse("");
            case "method" -> t.method;
            case "exitcode" -> Integer.toString(t.exitCode);
            case "errormsg" -> t.errorMessage;
            case "num_connects" -> t.head.isPresent() ? "1" : "0";
            case "time_total" -> seconds(t.seconds);
            case "speed_download" -> Long.toString(t.seconds > 0 ? (long) (t.sizeDownload / t.seconds) : t.sizeDownload);
            case "speed_upload" -> Long.toString(t.seconds > 0 ? (long) (t.sizeUpload / t.seconds) : t.sizeUpload);
            default -> null;
        };
        return Optional.ofNullable(value);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.6f", s);
    }

    /** The address a VM host name reaches: its loopback for local names, else the name itself. */
    static String remoteIp(String host) {
        return switch (host) {
            case "localhost", "127.0.0.1", "0.0.0.0", "" -> "127.0.0.1";
            case "::1", "::" -> "::1";
            default -> host;
        };
    }
}
