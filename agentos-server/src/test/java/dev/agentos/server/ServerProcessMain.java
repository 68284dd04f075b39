package dev.agentos.server;

import java.nio.file.Path;

/** A server in its own JVM for crash tests: {@code ServerProcessMain DATA_DIR} prints {@code port N} and serves until killed. */
public final class ServerProcessMain {
    private ServerProcessMain() {}

    public static void main(String[] args) throws InterruptedException {
        Registry r = Registry.create(ServerConfig.DEFAULT.withPort(0).withDataDir(Path.of(args[0]))).start();
        System.out.println("port " + r.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
