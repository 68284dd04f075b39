package dev.agentos.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.kernel.net.EgressRules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    @Test void theDocumentedYamlExampleLoads(@TempDir Path dir) throws Exception {
        String doc = Files.readString(Path.of("../docs/server.md"));
        String yaml = doc.substring(doc.indexOf("```yaml\n") + 8, doc.indexOf("```", doc.indexOf("```yaml\n") + 8));
        Path f = dir.resolve("agentos.yaml");
        Files.writeString(f, yaml);
        ServerConfig c = ServerConfig.load(f);
        assertThat(c.port()).isEqualTo(6420);
        assertThat(c.adminToken()).contains("change-me");
        assertThat(c.actionTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.preview().maxExpiresInSeconds()).isEqualTo(86400);
        assertThat(c.limits().maxProcesses()).contains(256);
        assertThat(c.limits().maxExecWallTime()).contains(Duration.ofMinutes(5));
        assertThat(c.loopbackExemptPorts()).containsExactly(3000);
        assertThat(c.egress().allow()).containsExactly("api.anthropic.com:443", "*.example.com", "203.0.113.0/24:22");
        assertThat(c.vmOptions().egress()).isEqualTo(EgressRules
                .allowing("api.anthropic.com:443", "*.example.com", "203.0.113.0/24:22")
                .withLoopbackExemptPorts(List.of(3000)));
    }

    @Test void aBadEgressRuleFailsTheConfigLoadNamingIt(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, "{\"egress\": {\"allow\": [\"api.example.com:https\"]}}");

        assertThatThrownBy(() -> ServerConfig.load(f))
                .hasMessageContaining("bad egress rule 'api.example.com:https': bad port");
    }

    @Test void noEgressConfigMeansVmsReachNoHost(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, "{}");

        assertThat(ServerConfig.load(f).vmOptions().egress()).isEqualTo(EgressRules.NONE);
    }

    @Test void jsonWithNothingGivesTheDefaults(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, "{}");
        ServerConfig c = ServerConfig.load(f);
        assertThat(c.port()).isEqualTo(6420);
        assertThat(c.maxBodyBytes()).isEqualTo(64L << 20);
        assertThat(c.outputRetentionBytes()).isEqualTo(1L << 20);
    }
}
