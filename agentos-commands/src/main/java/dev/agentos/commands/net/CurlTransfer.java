package dev.agentos.commands.net;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One curl invocation's settings, and the transfer of one URL with them. */
final class CurlTransfer {
    /** A bad option value: curl's message and status. */
    static final class BadOption extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final boolean tryHelp;

        BadOption(String message, int status, boolean tryHelp) {
            super(message, null, false, false);
            this.status = status;
            this.tryHelp = tryHelp;
        }
    }

    private final ProcessContext ctx;
    private final List<CurlOptions.Option> options;
    private final boolean silent;
    private final boolean showError;
    private final boolean fail;
    private final boolean failWithBody;
    private final boolean include;
    private final boolean head;
    private final boolean verbose;
    private final boolean get;
    private final GuestHttpClient.Options clientOptions;
    private final Optional<String> writeOut;
    private final Optional<byte[]> data;
    private final Optional<String> upload;

    private CurlTransfer(ProcessContext ctx, List<CurlOptions.Option> options, GuestHttpClient.Options clientOptions,
                         Optional<String> writeOut, Optional<byte[]> data) {
        this.ctx = ctx;
        this.options = options;
        this.silent = CurlOptions.on(options, "silent");
        this.showError = CurlOptions.on(options, "show-error");
        this.fail = CurlOptions.on(options, "fail");
        this.failWithBody = CurlOptions.on(options, "fail-with-body");
        this.include = CurlOptions.on(options, "include");
        this.head = CurlOptions.on(options, "head");
        this.verbose = CurlOptions.on(options, "verbose");
        this.get = CurlOptions.on(options, "get");
        this.clientOptions = clientOptions;
        this.writeOut = writeOut;
        this.data = data;
        this.upload = CurlOptions.last(options, "upload-file");
    }

    static CurlTransfer configure(ProcessContext ctx, List<CurlOptions.Option> options) throws BadOption, IOException {
        GuestHttpClient.Options client = GuestHttpClient.Options.DEFAULT
                .withFollowRedirects(CurlOptions.on(options, "location"));
        if (CurlOptions.on(options, "insecure")) {
            client = client.withTrust(dev.agentos.kernel.net.TlsTrust.insecure());
        } else if (CurlOptions.last(options, "cacert").isPresent()) {
            String file = CurlOptions.last(options, "cacert").get();
            try {
                client = client.withTrust(dev.agentos.kernel.net.TlsTrust.pem(GuestFiles.readAll(ctx, file)));
            } catch (dev.agentos.AgentOsException | IllegalArgumentException e) {
                throw new BadOption("error setting certificate file: " + file, 77, false);
            }
        }
        Optional<String> maxTime = CurlOptions.last(options, "max-time");
        if (maxTime.isPresent()) {
            Duration d = Curl.seconds(maxTime.get()).orElseThrow(() -> new BadOption("option -m: expected a proper numerical parameter", 2, true));
            if (!d.isZero()) client = client.withTimeout(d);
        }
        Optional<String> connectTimeout = CurlOptions.last(options, "connect-timeout");
        if (connectTimeout.isPresent() && Curl.seconds(connectTimeout.get()).isEmpty()) {
            throw new BadOption("option --connect-timeout: expected a proper numerical parameter", 2, true);
        }
        Optional<String> maxRedirs = CurlOptions.last(options, "max-redirs");
        if (maxRedirs.isPresent()) {
            try {
                client = client.withMaxRedirects(Integer.parseInt(maxRedirs.get()));
            } catch (NumberFormatException e) {
                throw new BadOption("option --max-redirs: expected a proper numerical parameter", 2, true);
            }
        }
        if (CurlOptions.on(options, "verbose")) client = client.withTrace(new CurlVerbose(ctx.stderr()));
        Optional<String> writeOut = CurlOptions.last(options, "write-out");
        if (writeOut.isPresent() && writeOut.get().startsWith("@")) {
            String file = writeOut.get().substring(1);
            try {
                writeOut = Optional.of(new String(GuestFiles.readAll(ctx, file), java.nio.charset.StandardCharsets.UTF_8));
            } catch (AgentOsException e) {
                writeOut = Optional.of("");
            }
        }
        boolean hasData = options.stream().anyMatch(o -> CurlData.isData(o.name()));
        Optional<byte[]> data = hasData ? Optional.of(CurlData.build(ctx, options)) : Optional.empty();
        if (CurlOptions.on(options, "head") && (hasData || CurlOptions.last(options, "upload-file").isPresent())) {
            throw new BadOption("You can only select one HTTP request method! You asked for both "
                    + (hasData ? "POST \nWarning: (-d, --data) and HEAD (-I, --head)." : "PUT \nWarning: (-T, --upload-file) and HEAD (-I, --head)."), 2, true);
        }
        return new CurlTransfer(ctx, options, client, writeOut, data);
    }

    /** Transfers {@code urlText}; {@code output} is a file, "" for the URL's own name, null for stdout. */
    int run(String urlText, String output) throws IOException {
        long start = ctx.clock().millis();
        HttpUrl url;
        try {
            url = HttpUrl.parse(urlText);
        } catch (HttpUrl.MalformedUrl e) {
            return error(3, "URL using bad/illegal format or missing URL", Optional.empty(), Optional.empty(), 0, start);
        }
        HttpRequest request;
        try {
            request = request(url);
        } catch (AgentOsException e) {
            return error(26, "Failed to open/read local data from file/application", Optional.of(url), Optional.empty(), 0, start);
        }
        url = request.url();
        if (output != null && output.isEmpty()) {
            output = url.fileName();
            if (output.isEmpty()) {
                Gnu.print(ctx.stderr(), "curl: Remote file name has no length!\n" + "curl: try 'curl --help' or 'curl --manual' for more information\n");
                return 23;
            }
        }
        GuestHttpClient client = new GuestHttpClient(ctx, clientOptions);
        OutputStream out = output == null || output.equals("-") ? ctx.stdout() : new Curl.LazyFile(ctx, output);
        long downloaded = 0;
        HttpResponse response = null;
        try {
            response = client.send(request);
            long headerBytes = 0;
            for (HttpResponse.Exchange e : response.redirects()) headerBytes += e.head().raw().length();
            headerBytes += response.head().raw().length();
            dumpHeaders(response);
            boolean failed = (fail || failWithBody) && response.status() >= 400;
            if (failed && !failWithBody) {
                return finish(response, 22, "The requested URL returned error: " + response.status(), 0, headerBytes, start);
            }
            if (include || head) {
                if (include && clientOptions.followRedirects()) {
                    for (HttpResponse.Exchange e : response.redirects()) out.write(Curl.ascii(e.head().raw()));
                }
                out.write(Curl.ascii(response.head().raw()));
            }
            try {
                downloaded = copyBody(response.body(), out);
            } catch (HttpWire.PrematureEnd e) {
                return finish(response, 18, e.getMessage(), e.remaining, headerBytes, start);
            }
            if (out instanceof Curl.LazyFile f) f.open();
            return finish(response, failed ? 22 : 0, failed ? "The requested URL returned error: " + response.status() : "", downloaded, headerBytes, start);
        } catch (HttpException e) {
            if (e.kind() == HttpException.Kind.CONNECT && clientOptions.trace() instanceof CurlVerbose v) v.connectFailed(url, e);
            String message = e.getMessage();
            if (e.kind() == HttpException.Kind.TIMEOUT && !message.startsWith("Failed to connect")) {
                message = "Operation timed out after " + (ctx.clock().millis() - start) + " milliseconds with "
                        + downloaded + " bytes received";
            }
            return error(e.kind().curlStatus(), message, Optional.of(url), Optional.ofNullable(response).map(HttpResponse::head), downloaded, start);
        } catch (IOException e) {
            return error(56, "Recv failure: " + e.getMessage(), Optional.of(url), Optional.ofNullable(response).map(HttpResponse::head), downloaded, start);
        } finally {
            if (response != null) response.close();
            if (out instanceof Curl.LazyFile f) f.close();
        }
    }

    private long copyBody(InputStream body, OutputStream out) throws IOException {
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = body.read(buf)) > 0) {
            if (total == 0 && clientOptions.trace() instanceof CurlVerbose v && !ctx.isatty(1)) v.data('{', n);
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    private HttpRequest request(HttpUrl url) {
        String method = "GET";
        HttpRequest.Body body = HttpRequest.NO_BODY;
        boolean form = false;
        if (data.isPresent() && get) {
            String query = new String(data.get(), java.nio.charset.StandardCharsets.UTF_8);
            url = new HttpUrl(url.scheme(), url.userInfo(), url.host(), url.port(), url.target() + (url.target().contains("?") ? "&" : "?") + query);
        } else if (data.isPresent()) {
            method = "POST";
            body = new HttpRequest.Body.Bytes(data.get());
            form = true;
        }
        if (upload.isPresent()) {
            method = "PUT";
            String file = upload.get();
            if (url.path().endsWith("/") && !file.equals("-")) {
                url = new HttpUrl(url.scheme(), url.userInfo(), url.host(), url.port(), url.path() + file.substring(file.lastIndexOf('/') + 1));
            }
            if (file.equals("-") || file.equals(".")) {
                body = new HttpRequest.Body.Stream(ctx.stdin(), -1);
            } else {
                FileStat st = ctx.stat(file);
                int fd = ctx.open(file, OpenFlags.O_RDONLY, 0);
                body = new HttpRequest.Body.Stream(new GuestFiles.FdInput(ctx, fd), st.size());
            }
        }
        if (head) method = "HEAD";
        method = CurlOptions.last(options, "request").orElse(method);
        List<HttpHeaders.Field> fields = new ArrayList<>();
        List<HttpHeaders.Field> custom = customHeaders();
        Optional<String> user = CurlOptions.last(options, "user");
        if (user.isPresent()) fields.add(new HttpHeaders.Field("Authorization", HttpRequest.basicAuth(user.get())));
        else if (url.userInfo().isPresent()) {
            fields.add(new HttpHeaders.Field("Authorization", HttpRequest.basicAuth(java.net.URLDecoder.decode(url.userInfo().get(), java.nio.charset.StandardCharsets.UTF_8))));
        }
        String agent = CurlOptions.last(options, "user-agent").orElse("curl/" + Curl.VERSION);
        if (!agent.isEmpty()) fields.add(new HttpHeaders.Field("User-Agent", agent));
        fields.add(new HttpHeaders.Field("Accept", "*/*"));
        CurlOptions.last(options, "referer").ifPresent(r -> fields.add(new HttpHeaders.Field("Referer", r)));
        if (CurlOptions.last(options, "json").isPresent()) {
            fields.removeIf(f -> f.name().equalsIgnoreCase("Accept"));
            fields.add(new HttpHeaders.Field("Content-Type", "application/json"));
            fields.add(new HttpHeaders.Field("Accept", "application/json"));
            form = false;
        }
        // -H replaces a default of the same name and, given as "Name:", removes it
        for (HttpHeaders.Field c : custom) fields.removeIf(f -> f.name().equalsIgnoreCase(c.name()));
        for (HttpHeaders.Field c : customRemovals()) fields.removeIf(f -> f.name().equalsIgnoreCase(c.name()));
        fields.addAll(custom);
        boolean customType = fields.stream().anyMatch(f -> f.name().equalsIgnoreCase("Content-Type")) || customRemovals().stream().anyMatch(f -> f.name().equalsIgnoreCase("Content-Type"));
        if (body instanceof HttpRequest.Body.Bytes b && fields.stream().noneMatch(f -> f.name().equalsIgnoreCase("Content-Length"))) {
            fields.add(new HttpHeaders.Field("Content-Length", Integer.toString(b.data().length)));
        }
        if (body instanceof HttpRequest.Body.Stream st) {
            // uploads announce themselves and wait (up to a second) for the server's go-ahead, as curl does
            boolean customLength = fields.stream().anyMatch(f -> f.name().equalsIgnoreCase("Content-Length") || f.name().equalsIgnoreCase("Transfer-Encoding"));
            if (!customLength) fields.add(st.length() >= 0 ? new HttpHeaders.Field("Content-Length", Long.toString(st.length()))
                    : new HttpHeaders.Field("Transfer-Encoding", "chunked"));
            if (customRemovals().stream().noneMatch(f -> f.name().equalsIgnoreCase("Expect"))
                    && custom.stream().noneMatch(f -> f.name().equalsIgnoreCase("Expect"))) {
                fields.add(new HttpHeaders.Field("Expect", "100-continue"));
            }
        }
        if (form && !customType) fields.add(new HttpHeaders.Field("Content-Type", "application/x-www-form-urlencoded"));
        return new HttpRequest(method, url, new HttpHeaders(fields), body);
    }

    /** -H values with content ("Name: value", or "Name;" for an empty one). */
    private List<HttpHeaders.Field> customHeaders() {
        List<HttpHeaders.Field> out = new ArrayList<>();
        for (String h : CurlOptions.all(options, "header")) {
            int colon = h.indexOf(':');
            if (colon > 0 && !h.substring(colon + 1).isBlank()) {
                out.add(new HttpHeaders.Field(h.substring(0, colon).strip(), h.substring(colon + 1).strip()));
            } else if (colon < 0 && h.endsWith(";")) {
                out.add(new HttpHeaders.Field(h.substring(0, h.length() - 1).strip(), ""));
            }
        }
        return out;
    }

    /** -H "Name:" values: defaults to leave out. */
    private List<HttpHeaders.Field> customRemovals() {
        List<HttpHeaders.Field> out = new ArrayList<>();
        for (String h : CurlOptions.all(options, "header")) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(colon + 1).isBlank()) out.add(new HttpHeaders.Field(h.substring(0, colon).strip(), ""));
        }
        return out;
    }

    private void dumpHeaders(HttpResponse response) throws IOException {
        Optional<String> dump = CurlOptions.last(options, "dump-header");
        if (dump.isEmpty()) return;
        StringBuilder all = new StringBuilder();
        for (HttpResponse.Exchange e : response.redirects()) all.append(e.head().raw());
        all.append(response.head().raw());
        byte[] bytes = Curl.ascii(all.toString());
        if (dump.get().equals("-")) {
            ctx.stdout().write(bytes);
        } else {
            try (Curl.LazyFile f = new Curl.LazyFile(ctx, dump.get())) {
                f.write(bytes, 0, bytes.length);
            }
        }
    }

    private int finish(HttpResponse response, int status, String message, long downloaded, long headerBytes, long start) {
        if (status != 0 && (!silent || showError)) Gnu.print(ctx.stderr(), "curl: (" + status + ") " + message + "\n");
        if (verbose && clientOptions.trace() instanceof CurlVerbose v) v.done();
        writeOut(new CurlWriteOut.Transfer(method(), Optional.of(response.url()),
                Optional.of(response.head()), downloaded, headerBytes, response.bytesSent(), response.bytesSent(),
                response.redirects().size(), redirectUrl(response), response.localPort(), status, message,
                (ctx.clock().millis() - start) / 1000.0));
        return status;
    }

    /** The request method this invocation uses (what %{method} shows). */
    private String method() {
        return CurlOptions.last(options, "request").orElse(head ? "HEAD" : data.isPresent() && !get ? "POST" : upload.isPresent() ? "PUT" : "GET");
    }

    private static Optional<String> redirectUrl(HttpResponse response) {
        if (!response.head().isRedirect()) return Optional.empty();
        return response.headers().first("Location").map(l -> response.url().resolve(l).toString());
    }

    private int error(int status, String message, Optional<HttpUrl> url, Optional<HttpResponse.Head> head, long downloaded, long start) {
        if (!silent || showError) Gnu.print(ctx.stderr(), "curl: (" + status + ") " + message + "\n");
        writeOut(new CurlWriteOut.Transfer(method(), url, head, downloaded, 0, 0, 0, 0,
                Optional.empty(), 0, status, message, (ctx.clock().millis() - start) / 1000.0));
        return status;
    }

    private void writeOut(CurlWriteOut.Transfer t) {
        if (writeOut.isEmpty()) return;
        String text = CurlWriteOut.format(writeOut.get(), t, w -> Gnu.print(ctx.stderr(), "curl: " + w + "\n"));
        Gnu.print(ctx.stdout(), text);
    }
}
