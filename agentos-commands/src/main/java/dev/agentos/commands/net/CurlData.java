package dev.agentos.commands.net;

import dev.agentos.kernel.proc.ProcessContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The request body that curl's -d family builds: each piece joined with '&', {@code @file} read (and
 * for -d stripped of CR and LF), --data-urlencode's {@code name=content} forms encoded.
 */
final class CurlData {
    private CurlData() {}

    static boolean isData(String option) {
        return switch (option) {
            case "data", "data-ascii", "data-binary", "data-raw", "data-urlencode", "json" -> true;
            default -> false;
        };
    }

    /** The joined body of every data option in {@code options}, in order. */
    static byte[] build(ProcessContext ctx, List<CurlOptions.Option> options) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean first = true;
        for (CurlOptions.Option o : options) {
            if (!isData(o.name())) continue;
            byte[] piece = piece(ctx, o.name(), o.value());
            if (!first) body.write(o.name().equals("json") ? new byte[0] : new byte[] {'&'});
            body.write(piece);
            first = false;
        }
        return body.toByteArray();
    }

    private static byte[] piece(ProcessContext ctx, String option, String value) throws IOException {
        return switch (option) {
            case "data-raw" -> value.getBytes(StandardCharsets.UTF_8);
            case "data-binary", "json" -> value.startsWith("@") ? read(ctx, value.substring(1)) : value.getBytes(StandardCharsets.UTF_8);
            case "data-urlencode" -> urlencoded(ctx, value);
            default -> value.startsWith("@") ? stripNewlines(read(ctx, value.substring(1))) : value.getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] urlencoded(ProcessContext ctx, String value) throws IOException {
        int eq = value.indexOf('=');
        int at = value.indexOf('@');
        if (eq >= 0 && (at < 0 || eq < at)) {
            String name = value.substring(0, eq);
            String content = encode(value.substring(eq + 1).getBytes(StandardCharsets.UTF_8));
            return (name.isEmpty() ? content : name + "=" + content).getBytes(StandardCharsets.UTF_8);
        }
        if (at >= 0) {
            String name = value.substring(0, at);
            String content = encode(read(ctx, value.substring(at + 1)));
            return (name.isEmpty() ? content : name + "=" + content).getBytes(StandardCharsets.UTF_8);
        }
        return encode(value.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    /** curl's form encoding: unreserved characters stay, space is '+', everything else is %XX. */
    static String encode(byte[] bytes) {
        String java = URLEncoder.encode(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        return java.replace("*", "%2A").replace("%7E", "~");
    }

    private static byte[] read(ProcessContext ctx, String file) throws IOException {
        try {
            return GuestFiles.readAll(ctx, file);
        } catch (dev.agentos.AgentOsException e) {
            dev.agentos.commands.Gnu.print(ctx.stderr(),
                    "Warning: Couldn't read data from file \"" + file + "\", this makes an empty POST.\n");
            return new byte[0];
        }
    }

    private static byte[] stripNewlines(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        for (byte b : data) if (b != '\r' && b != '\n') out.write(b);
        return out.toByteArray();
    }
}
