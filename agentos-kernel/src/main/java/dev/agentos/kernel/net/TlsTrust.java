package dev.agentos.kernel.net;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which servers a {@link TlsStreams} client believes: the host JDK's trust store (the default), a
 * trust store of one's own, PEM certificates (what {@code curl --cacert} reads), or nobody checked at
 * all ({@code curl -k}).
 */
public sealed interface TlsTrust {
    /** The certificate authorities the host JDK trusts (its {@code cacerts}). */
    static TlsTrust system() { return new Stores(null); }

    /** The certificates (and authorities) in {@code store}. */
    static TlsTrust keyStore(KeyStore store) { return new Stores(Objects.requireNonNull(store, "store")); }

    /** The certificates in a PEM bundle, such as a file a guest read from its filesystem. */
    static TlsTrust pem(byte[] pemBundle) {
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pemBundle));
            if (certs.isEmpty()) throw new IllegalArgumentException("no certificate in the PEM bundle");
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) store.setCertificateEntry("cert-" + i++, c);
            return new Stores(store);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("bad PEM certificate bundle: " + e.getMessage(), e);
        }
    }

    /** Trusts any certificate for any name: encryption without authentication, as {@code curl -k}. */
    static TlsTrust insecure() { return new Insecure(); }

    /** An SSL context that trusts what this says. */
    SSLContext context() throws GeneralSecurityException;

    /** Whether the server's certificate must match the host name connected to. */
    boolean verifiesHostname();

    /** A trust store, or the JDK's default one when {@code store} is null. */
    record Stores(KeyStore store) implements TlsTrust {
        @Override public SSLContext context() throws GeneralSecurityException {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        }

        @Override public boolean verifiesHostname() { return true; }
    }

    /** No verification at all. */
    record Insecure() implements TlsTrust {
        @Override public SSLContext context() throws GeneralSecurityException {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new TrustingEverything()}, null);
            return ctx;
        }

        @Override public boolean verifiesHostname() { return false; }

        private static final class TrustingEverything implements X509TrustManager {
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {}
            @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }
    }
}
