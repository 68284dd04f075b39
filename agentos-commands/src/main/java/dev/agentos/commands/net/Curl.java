package dev.agentos.commands.net;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * curl: transfers URLs over HTTP with {@link GuestHttpClient}, with curl's options, output, -w
 * variables, -v trace and exit statuses (6 resolve, 7 connect, 22 --fail, 28 timeout, ...). The
 * progress meter is not drawn: output is as with -s, except for errors.
 */
final class Curl implements Program {
    static final String VERSION = "7.88.1";
    private static final String TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

    @Override public int run(ProcessContext ctx) throws IOException {
        List<CurlOptions.Option> options = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        try {
            CurlOptions.parse(ctx.argv().subList(1, ctx.argv().size()), options, urls);
        } catch (CurlOptions.Unknown e) {
            Gnu.print(ctx.stderr(), "curl: " + e.getMessage() + "\n" + TRY);
            return 2;
        }
        if (CurlOptions.on(options, "help")) {
            Gnu.print(ctx.stdout(), CurlHelp.TEXT);
            return 0;
        }
        if (CurlOptions.on(options, "version")) {
            Gnu.print(ctx.stdout(), "curl " + VERSION + " (agentos) agentOS guest HTTP client\nProtocols: http\nFeatures: \n");
            return 0;
        }
        if (ctx.argv().size() == 1) {
            Gnu.print(ctx.stderr(), TRY);
            return 2;
        }
        if (urls.isEmpty()) {
            Gnu.print(ctx.stderr(), "curl: no URL specified!\n" + TRY);
            return 2;
        }
        CurlTransfer transfer;
        try {
            transfer = CurlTransfer.configure(ctx, options);
        } catch (CurlTransfer.BadOption e) {
            Gnu.print(ctx.stderr(), "curl: " + e.getMessage() + "\n" + (e.tryHelp ? TRY : ""));
            return e.status;
        }
        List<String> outputs = outputs(options);
        int status = 0;
        for (int i = 0; i < urls.size(); i++) {
            String out = i < outputs.size() ? outputs.get(i) : null;
            int s = transfer.run(urls.get(i), out);
            if (s != 0) status = s;
        }
        return status;
    }

    /** -o FILE and -O in order: the i-th one is for the i-th URL ("" means -O, the URL's own name). */
    private static List<String> outputs(List<CurlOptions.Option> options) {
        List<String> outs = new ArrayList<>();
        for (CurlOptions.Option o : options) {
            if (o.name().equals("output")) outs.add(o.value());
            else if (o.name().equals("remote-name") && o.value() == null) outs.add("");
        }
        return outs;
    }

    /** Writes to an fd opened on first use, so a failed transfer leaves no file behind. */
    static final class LazyFile extends OutputStream {
        private final ProcessContext ctx;
        private final String path;
        private int fd = -1;

        LazyFile(ProcessContext ctx, String path) {
            this.ctx = ctx;
            this.path = path;
        }

        void open() {
            if (fd < 0) fd = ctx.open(path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0666);
        }

        @Override public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override public void write(byte[] b, int off, int len) {
            open();
            ctx.write(fd, b, off, len);
        }

        @Override public void close() {
            if (fd >= 0) ctx.close(fd);
            fd = -1;
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    static Optional<Duration> seconds(String text) {
        try {
            double s = Double.parseDouble(text);
            if (s < 0 || Double.isNaN(s)) return Optional.empty();
            return Optional.of(Duration.ofNanos((long) (s * 1e9)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String reason(AgentOsException e) {
        return e.errno().map(x -> x.strerror()).orElse(e.getMessage());
    }
}
