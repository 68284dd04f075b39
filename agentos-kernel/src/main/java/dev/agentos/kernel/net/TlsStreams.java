package dev.agentos.kernel.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import tlschannel.ClientTlsChannel;
import tlschannel.HeapBufferAllocator;
import tlschannel.TlsChannel;

/**
 * A TLS client over the byte streams of a connected socket, for guest programs (curl, the built-in
 * agent) that speak HTTPS through {@code ProcessContext.connect}: the guest hands over its fd's
 * streams and reads and writes plaintext. The host JDK's TLS does the work (via tls-channel's
 * SSLEngine wrapper) with SNI and, unless trust is {@link TlsTrust#insecure()}, certificate and host
 * name verification. The handshake happens in {@link #connect}, so a bad certificate fails there.
 *
 * <p>Closing both streams, or {@link #close()}, sends close_notify and closes the raw streams.
 */
public final class TlsStreams implements AutoCloseable {
    private final TlsChannel channel;
    private final AtomicInteger openViews = new AtomicInteger(2);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final InputStream input;
    private final OutputStream output;

    private TlsStreams(TlsChannel channel) {
        this.channel = channel;
        InputStream in = Channels.newInputStream(channel);
        OutputStream out = Channels.newOutputStream(channel);
        this.input = new InputStream() {
            private final AtomicBoolean done = new AtomicBoolean();

            @Override public int read() throws IOException { return in.read(); }

            @Override public int read(byte[] b, int off, int len) throws IOException { return in.read(b, off, len); }

            @Override public void close() throws IOException { if (done.compareAndSet(false, true)) viewClosed(); }
        };
        this.output = new OutputStream() {
            private final AtomicBoolean done = new AtomicBoolean();

            @Override public void write(int b) throws IOException { out.write(b); }

            @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

            @Override public void close() throws IOException { if (done.compareAndSet(false, true)) viewClosed(); }
        };
    }

    /**
     * Runs a TLS handshake with {@code host} over {@code rawIn}/{@code rawOut} (a connected socket's
     * streams). {@code host} is what SNI sends and the certificate must name; {@code port} only keys
     * session reuse.
     *
     * @throws IOException when the handshake fails (an SSLHandshakeException says why: untrusted
     *                     certificate, name mismatch, protocol error) or the connection breaks
     */
    public static TlsStreams connect(InputStream rawIn, OutputStream rawOut, String host, int port, TlsTrust trust)
            throws IOException {
        Objects.requireNonNull(host, "host");
        SSLEngine engine;
        try {
            engine = trust.context().createSSLEngine(host, port);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS is not available: " + e.getMessage(), e);
        }
        engine.setUseClientMode(true);
        SSLParameters params = engine.getSSLParameters();
        if (trust.verifiesHostname()) params.setEndpointIdentificationAlgorithm("HTTPS");
        String name = EgressRules.normalize(host);
        if (IpLiteral.parse(name).isEmpty()) params.setServerNames(List.of(new SNIHostName(name)));
        params.setApplicationProtocols(new String[] {"http/1.1"});
        engine.setSSLParameters(params);
        TlsChannel channel = ClientTlsChannel.newBuilder(new StreamChannel(rawIn, rawOut), engine)
                .withPlainBufferAllocator(new HeapBufferAllocator())
                .withEncryptedBufferAllocator(new HeapBufferAllocator())
                .build();
        try {
            channel.handshake();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new TlsStreams(channel);
    }

    /** Decrypted bytes from the server; -1 after its close_notify or EOF. */
    public InputStream input() { return input; }

    /** Plaintext to the server, encrypted on the way. */
    public OutputStream output() { return output; }

    /** The negotiated session: protocol, cipher suite, the server's certificates. */
    public SSLSession session() { return channel.getSslEngine().getSession(); }

    private void viewClosed() throws IOException {
        if (openViews.decrementAndGet() == 0) close();
    }

    /** Sends close_notify (when the connection still allows) and closes the raw streams. */
    @Override public void close() throws IOException {
        if (closed.compareAndSet(false, true)) channel.close();
    }

    /** The raw streams as the ByteChannel tls-channel reads from and writes to. */
    private static final class StreamChannel implements ByteChannel {
        private final ReadableByteChannel in;
        private final WritableByteChannel out;
        private final InputStream rawIn;
        private final OutputStream rawOut;
        private final AtomicBoolean open = new AtomicBoolean(true);

        StreamChannel(InputStream rawIn, OutputStream rawOut) {
            this.rawIn = rawIn;
            this.rawOut = rawOut;
            this.in = Channels.newChannel(rawIn);
            this.out = Channels.newChannel(rawOut);
        }

        @Override public int read(ByteBuffer dst) throws IOException { return in.read(dst); }

        @Override public int write(ByteBuffer src) throws IOException {
            int n = out.write(src);
            rawOut.flush();
            return n;
        }

        @Override public boolean isOpen() { return open.get(); }

        /** Once only: the raw streams may be a process's fd, which a second close would hit as EBADF. */
        @Override public void close() throws IOException {
            if (!open.compareAndSet(true, false)) return;
            try {
                rawOut.close();
            } finally {
                rawIn.close();
            }
        }
    }
}
