package dev.agentos.kernel.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A real TLS server on 127.0.0.1 with a self-signed certificate made by the JDK's keytool (names
 * localhost and 127.0.0.1). Each connection gets one line back per line it sends: {@code echo: <line>}.
 */
public final class SelfSignedTlsServer implements AutoCloseable {
    private static final char[] PASSWORD = "changeit".toCharArray();

    /** keytool runs once per test JVM (it is a JVM start of its own); every server reuses its output. */
    private static Path material;

    private final SSLServerSocket server;
    private final byte[] certificatePem;

    SelfSignedTlsServer() throws Exception {
        certificatePem = certificate();
        SSLContext ctx = serverContext();
        server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 16, InetAddress.getByName("127.0.0.1"));
        Thread.ofVirtual().start(this::acceptLoop);
    }

    /** The certificate (for localhost and 127.0.0.1) in PEM, for clients that should trust it. */
    public static byte[] certificate() throws Exception {
        return Files.readAllBytes(material().resolve("server.pem"));
    }

    /** A server-side TLS context presenting that certificate (for other test servers, such as an HttpsServer). */
    public static SSLContext serverContext() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(material().resolve("server.p12"))) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static synchronized Path material() throws Exception {
        if (material != null) return material;
        Path dir = Files.createTempDirectory("agentos-tls-test");
        dir.toFile().deleteOnExit();
        Path store = dir.resolve("server.p12");
        Path pem = dir.resolve("server.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        store.toFile().deleteOnExit();
        pem.toFile().deleteOnExit();
        material = dir;
        return dir;
    }

    int port() { return server.getLocalPort(); }

    /** The server's certificate in PEM, for a client that should trust it. */
    byte[] certificatePem() { return certificatePem.clone(); }

    private void acceptLoop() {
        try {
            while (true) {
                SSLSocket s = (SSLSocket) server.accept();
                Thread.ofVirtual().start(() -> serve(s));
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    private static void serve(SSLSocket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            for (String line; (line = in.readLine()) != null; ) {
                out.write(("echo: " + line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (line.equals("bye")) break;
            }
        } catch (IOException e) {
            // a client that failed its handshake on purpose
        }
    }

    private static void keytool(String... args) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("keytool failed: " + output);
    }

    @Override public void close() throws IOException {
        server.close();
    }
}
