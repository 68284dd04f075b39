package dev.agentos.commands.net;

import dev.agentos.commands.Gnu;
import java.io.OutputStream;

/** curl -v on standard error: {@code *} for connection events, {@code >} request and {@code <} response lines. */
final class CurlVerbose implements HttpTrace {
    private final OutputStream err;
    private HttpUrl last;

    CurlVerbose(OutputStream err) {
        this.err = err;
    }

    @Override public void connecting(HttpUrl url) {
        last = url;
        print("*   Trying " + address(url) + "...\n");
    }

    @Override public void connected(HttpUrl url) {
        print("* Connected to " + url.host() + " (" + CurlWriteOut.remoteIp(url.host()) + ") port " + url.port() + " (#0)\n");
    }

    @Override public void requestHead(String head) {
        StringBuilder out = new StringBuilder();
        for (String line : head.split("\r\n", -1)) {
            if (out.length() > 0 && line.isEmpty()) break;
            out.append("> ").append(line).append("\r\n");
        }
        out.append("> \r\n");
        print(out.toString());
    }

    @Override public void responseHead(HttpUrl url, HttpResponse.Head head) {
        StringBuilder out = new StringBuilder();
        for (String line : head.raw().split("\r\n", -1)) {
            if (line.isEmpty()) break;
            out.append("< ").append(line).append("\r\n");
        }
        out.append("< \r\n");
        print(out.toString());
    }

    @Override public void redirecting(HttpUrl to) {
        print("* Connection #0 to host " + last.host() + " left intact\n");
        print("* Issue another request to this URL: '" + to + "'\n");
    }

    /** curl's note of data passing ({@code {} in, {@code }} out), once per message when output is not a terminal. */
    void data(char direction, int bytes) {
        print(direction + " [" + bytes + " bytes data]\n");
    }

    /** A refused or denied connect, as curl -v tells it before giving up. */
    void connectFailed(HttpUrl url, HttpException e) {
        String reason = e.getCause() instanceof dev.agentos.AgentOsException a ? Curl.reason(a) : e.getMessage();
        print("* connect to " + CurlWriteOut.remoteIp(url.host()) + " port " + url.port() + " failed: " + reason + "\n");
        print("* " + e.getMessage() + "\n* Closing connection 0\n");
    }

    /** The end of a transfer whose connection we leave. */
    void done() {
        if (last != null) print("* Connection #0 to host " + last.host() + " left intact\n");
    }

    private static String address(HttpUrl url) {
        String ip = CurlWriteOut.remoteIp(url.host());
        return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + url.port();
    }

    private void print(String s) {
        Gnu.print(err, s);
    }
}
