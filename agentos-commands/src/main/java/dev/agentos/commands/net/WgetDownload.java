package dev.agentos.commands.net;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** wget's retrieval of one URL at a time: redirects, the Basic challenge, naming and writing the file, the log. */
final class WgetDownload implements AutoCloseable {
    private final ProcessContext ctx;
    private final Wget.Settings s;
    private final WgetLog log;
    /** The -O file, opened by the first download and shared by the rest. */
    private int sharedFd = -1;

    WgetDownload(ProcessContext ctx, Wget.Settings settings) {
        this.ctx = ctx;
        this.s = settings;
        this.log = new WgetLog(ctx, settings.quiet() || settings.brief());
    }

    int fetch(String text) throws IOException {
        HttpUrl url;
        try {
            url = HttpUrl.parse(text);
        } catch (HttpUrl.MalformedUrl e) {
            logAlways(text + ": " + e.getMessage() + ".\n");
            return 1;
        }
        if (!url.scheme().equals("http") && !url.scheme().equals("https")) {
            logAlways(text + ": Unsupported scheme " + log.quote(url.scheme()) + ".\n");
            return 1;
        }
        boolean auth = false;
        for (int redirects = 0; ; ) {
            log.print("--" + log.stamp() + "--  " + url + "\n");
            Optional<String> target = target(url);
            long resumeFrom = 0;
            if (target.isPresent() && s.resume()) resumeFrom = existingSize(target.get());
            if (target.isPresent() && s.noClobber() && existingSize(target.get()) >= 0 && s.output().isEmpty()) {
                log.print("File " + log.quote(target.get()) + " already there; not retrieving.\n\n");
                return 0;
            }
            HttpRequest request = request(url, auth, Math.max(0, resumeFrom));
            GuestHttpClient client = new GuestHttpClient(ctx, clientOptions());
            HttpResponse response;
            long start = ctx.clock().millis();
            try {
                response = client.send(request);
            } catch (HttpException e) {
                return failed(e);
            }
            try (response) {
                int status = response.status();
                if (s.serverResponse()) {
                    StringBuilder lines = new StringBuilder("\n");
                    for (String line : response.head().raw().split("\r\n")) if (!line.isEmpty()) lines.append("  ").append(line).append('\n');
                    log.print(lines.toString());
                } else {
                    log.print(status + (response.head().reason().isEmpty() ? "" : " " + response.head().reason()) + "\n");
                }
                Optional<String> location = response.headers().first("Location");
                if (response.head().isRedirect() && location.isPresent()) {
                    log.print("Location: " + location.get() + " [following]\n");
                    if (++redirects > s.maxRedirect()) {
                        log.print(s.maxRedirect() + " redirections exceeded.\n");
                        return 8;
                    }
                    url = url.resolve(location.get());
                    continue;
                }
                if (status == 401 && !auth && s.user().isPresent()) {
                    auth = true;
                    response.headers().first("WWW-Authenticate").ifPresent(a -> log.print("Authentication selected: " + a + "\n"));
                    continue;
                }
                if (status == 401) {
                    logAlways("Username/Password Authentication Failed.\n");
                    return 6;
                }
                if (status == 416 && resumeFrom > 0) {
                    log.print("\n    The file is already fully retrieved; nothing to do.\n\n");
                    return 0;
                }
                if (status >= 400) {
                    logAlways(log.stamp() + " ERROR " + status + ": " + response.head().reason() + ".\n\n");
                    return 8;
                }
                return save(response, target, status == 206 ? resumeFrom : 0, start);
            }
        }
    }

    private GuestHttpClient.Options clientOptions() {
        GuestHttpClient.Options o = GuestHttpClient.Options.DEFAULT.withTrace(new HttpTrace() {
            @Override public void connecting(HttpUrl url) {
                String ip = CurlWriteOut.remoteIp(url.host());
                if (ip.equals(url.host())) {
                    log.print("Connecting to " + url.host() + ":" + url.port() + "... ");
                } else {
                    log.print("Resolving " + url.host() + " (" + url.host() + ")... " + ip + "\n");
                    log.print("Connecting to " + url.host() + " (" + url.host() + ")|" + ip + "|:" + url.port() + "... ");
                }
            }

            @Override public void connected(HttpUrl url) {
                log.print("connected.\n");
            }

            @Override public void requestHead(String head) {
                log.print("HTTP request sent, awaiting response... ");
            }
        });
        return s.timeout().map(o::withTimeout).orElse(o);
    }

    private HttpRequest request(HttpUrl url, boolean auth, long resumeFrom) {
        List<HttpHeaders.Field> fields = new ArrayList<>();
        fields.add(new HttpHeaders.Field("User-Agent", s.userAgent()));
        fields.add(new HttpHeaders.Field("Accept", "*/*"));
        fields.add(new HttpHeaders.Field("Accept-Encoding", "identity"));
        if (resumeFrom > 0) fields.add(new HttpHeaders.Field("Range", "bytes=" + resumeFrom + "-"));
        if (auth) fields.add(new HttpHeaders.Field("Authorization", HttpRequest.basicAuth(s.user().get() + ":" + s.password().orElse(""))));
        fields.add(new HttpHeaders.Field("Connection", "Keep-Alive"));
        for (String h : s.headers()) {
            int colon = h.indexOf(':');
            if (colon <= 0) continue;
            String name = h.substring(0, colon).strip();
            HttpHeaders.Field given = new HttpHeaders.Field(name, h.substring(colon + 1).strip());
            // a header wget sends anyway is replaced where it stands, as wget does
            int at = -1;
            for (int i = 0; i < fields.size(); i++) if (fields.get(i).name().equalsIgnoreCase(name)) at = i;
            if (at >= 0) fields.set(at, given);
            else fields.add(given);
        }
        String method = s.method().orElse(s.postData().isPresent() ? "POST" : "GET");
        HttpRequest.Body body = HttpRequest.NO_BODY;
        if (s.postData().isPresent()) {
            if (fields.stream().noneMatch(f -> f.name().equalsIgnoreCase("Content-Type"))) {
                fields.add(new HttpHeaders.Field("Content-Type", "application/x-www-form-urlencoded"));
            }
            fields.add(new HttpHeaders.Field("Content-Length", Integer.toString(s.postData().get().length)));
            body = new HttpRequest.Body.Bytes(s.postData().get());
        }
        return new HttpRequest(method, url, new HttpHeaders(fields), body);
    }

    private int failed(HttpException e) {
        String reason = e.getCause() instanceof AgentOsException a ? Curl.reason(a) : e.getMessage();
        switch (e.kind()) {
            case CONNECT -> log.print("failed: " + reason + ".\n");
            case TIMEOUT -> log.print("Read error (Connection timed out) in headers.\n");
            case UNSUPPORTED_PROTOCOL -> logAlways("wget: " + e.getMessage() + "\n");
            case RESOLVE -> logAlways("wget: unable to resolve host address\n");
            default -> log.print("No data received.\n");
        }
        return e.kind() == HttpException.Kind.UNSUPPORTED_PROTOCOL ? 1 : 4;
    }

    /** Where the body goes: empty for stdout ("-O -"), else a file name. */
    private Optional<String> target(HttpUrl url) {
        if (s.output().isPresent()) return s.output().get().equals("-") ? Optional.empty() : s.output();
        String name = url.fileName().isEmpty() ? "index.html" : java.net.URLDecoder.decode(url.fileName(), java.nio.charset.StandardCharsets.UTF_8);
        String dir = s.prefix().map(p -> p.endsWith("/") ? p : p + "/").orElse("");
        String path = dir + name;
        if (!s.resume() && !s.noClobber()) {
            String candidate = path;
            for (int i = 1; existingSize(candidate) >= 0; i++) candidate = path + "." + i;
            path = candidate;
        }
        return Optional.of(path);
    }

    private long existingSize(String path) {
        try {
            return ctx.stat(path).size();
        } catch (AgentOsException e) {
            return -1;
        }
    }

    private int save(HttpResponse response, Optional<String> target, long resumeFrom, long start) throws IOException {
        Optional<String> length = response.headers().first("Content-Length");
        long expected = length.map(v -> {
            try {
                return Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                return -1L;
            }
        }).orElse(-1L);
        if (response.head().status() == 204 || response.status() == 304) expected = 0;
        String type = response.headers().first("Content-Type").map(t -> " [" + t + "]").orElse("");
        String sizeText = expected < 0 ? "unspecified" : expected + human(expected);
        if (resumeFrom > 0 && expected >= 0) sizeText = (expected + resumeFrom) + human(expected + resumeFrom) + ", " + expected + human(expected) + " remaining";
        log.print("Length: " + sizeText + type + "\n");
        String shownName = target.map(log::quote).orElse(log.quote("STDOUT"));
        log.print("Saving to: " + shownName + "\n");
        int fd;
        boolean closeAfter;
        try {
            if (target.isEmpty()) {
                fd = 1;
                closeAfter = false;
            } else if (s.output().isPresent()) {
                if (sharedFd < 0) sharedFd = ctx.open(target.get(), OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0666);
                fd = sharedFd;
                closeAfter = false;
            } else {
                int flags = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | (resumeFrom > 0 ? OpenFlags.O_APPEND : OpenFlags.O_TRUNC);
                fd = ctx.open(target.get(), flags, 0666);
                closeAfter = true;
            }
        } catch (AgentOsException e) {
            logAlways(target.get() + ": " + Curl.reason(e) + "\n");
            return 3;
        }
        log.progressStart();
        long total = 0;
        try {
            InputStream body = response.body();
            byte[] buf = new byte[16 * 1024];
            int n;
            while ((n = body.read(buf)) > 0) {
                ctx.write(fd, buf, 0, n);
                total += n;
                log.progress(total, expected, seconds(start));
            }
        } catch (HttpException e) {
            log.print("\n" + log.stamp() + " (" + WgetLog.rate(total, seconds(start)) + ") - Read error at byte " + total
                    + (expected >= 0 ? "/" + expected : "") + " (Connection timed out).");
            return 4;
        } catch (IOException e) {
            log.print("\n" + log.stamp() + " (" + WgetLog.rate(total, seconds(start)) + ") - Connection closed at byte " + total + ". ");
            return 4;
        } finally {
            if (closeAfter) ctx.close(fd);
        }
        double secs = seconds(start);
        log.progressEnd(total, expected < 0 ? total : expected, secs);
        String size = expected >= 0 ? "[" + (total + resumeFrom) + "/" + (expected + resumeFrom) + "]" : "[" + total + "]";
        String where = target.isPresent() ? log.quote(target.get()) + " saved " : "written to stdout ";
        log.print(log.stamp() + " (" + WgetLog.rate(total, secs) + ") - " + where + size + "\n\n");
        if (s.brief() && !s.quiet()) {
            Gnu.print(ctx.stderr(), log.stamp() + " URL:" + response.url() + " " + size + " -> \"" + target.orElse("-") + "\" [1]\n");
        }
        return 0;
    }

    private double seconds(long start) {
        return (ctx.clock().millis() - start) / 1000.0;
    }

    /** " (2.0K)" for sizes of a KiB or more, as wget shows beside the byte count. */
    private static String human(long bytes) {
        if (bytes < 1024) return "";
        double v = bytes;
        String[] units = {"K", "M", "G", "T"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return " (" + (v < 10 ? String.format(java.util.Locale.ROOT, "%.1f", v) : Long.toString(Math.round(v))) + units[u] + ")";
    }

    /** Messages that -nv still shows (errors), and -q does not. */
    private void logAlways(String message) {
        if (!s.quiet()) Gnu.print(ctx.stderr(), message);
    }

    @Override public void close() {
        if (sharedFd >= 0) ctx.close(sharedFd);
    }
}
