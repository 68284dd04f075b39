package dev.agentos.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code agentos --version}: the project version stamped at build time, and the JVM running it. */
final class CliVersion implements IVersionProvider {

    static String version() {
        Properties p = new Properties();
        try (InputStream in = CliVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        String v = p.getProperty("version", "unknown");
        return v.startsWith("${") ? "unknown" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "agentos " + version(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name", "?") + ")"
        };
    }
}
