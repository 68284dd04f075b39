package dev.agentos.cli;

import dev.agentos.server.Registry;
import dev.agentos.server.ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code agentos serve}: the actor server, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the actor server: VMs addressed by key over HTTP and WebSocket.",
                "The admin token comes from the config file or AGENTOS_TOKEN; without one the server",
                "listens on 127.0.0.1 only."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand private AgentOsCli cli;

    @Option(names = "--port", paramLabel = "N", description = "port to listen on (default 6420; 0 picks a free one)")
    private Integer port;

    @Option(names = "--config", paramLabel = "FILE", description = "server config, YAML (.yaml/.yml) or JSON")
    private Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = {"where actors' files, tokens and previews are kept",
            "(default: the config's dataDir, else $AGENTOS_DATA_DIR, else ~/.agentos/data)"})
    private Path dataDir;

    @Override public Integer call() throws InterruptedException {
        ServerConfig cfg = config == null ? ServerConfig.DEFAULT : ServerConfig.load(config);
        if (port != null) cfg = cfg.withPort(port);
        if (dataDir != null) cfg = cfg.withDataDir(dataDir);
        else if (cfg.dataDir().isEmpty()) cfg = cfg.withDataDir(defaultDataDir());
        CountDownLatch stopped = new CountDownLatch(1);
        Registry registry = Registry.create(cfg).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            stopped.countDown();
        }));
        boolean token = cfg.adminToken().isPresent() || !System.getenv().getOrDefault("AGENTOS_TOKEN", "").isBlank();
        cli.err().println("agentos: serving on port " + registry.port()
                + (token ? " (admin token required)" : " on 127.0.0.1 only (no admin token configured: set AGENTOS_TOKEN to listen on all interfaces)"));
        cli.err().flush();
        stopped.await();
        return 0;
    }

    private static Path defaultDataDir() {
        String env = System.getenv("AGENTOS_DATA_DIR");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".agentos", "data");
    }
}
