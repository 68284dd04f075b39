package dev.agentos.kernel.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EgressRulesTest {

    private static InetAddress ip(String literal) {
        return IpLiteral.parse(literal).orElseThrow();
    }

    @Test
    void nothingIsAllowedByDefault() {
        assertThat(EgressRules.NONE.checkName("api.anthropic.com", 443))
                .isEqualTo(new EgressPolicy.Decision(false, "host egress denied: no rule allows api.anthropic.com:443"));
        assertThat(EgressPolicy.DENY_ALL).isSameAs(EgressRules.NONE);
    }

    @Test
    void aHostAndPortRuleAllowsExactlyThatHostOnThatPort() {
        EgressRules rules = EgressRules.allowing("api.anthropic.com:443");

        assertThat(rules.checkName("api.anthropic.com", 443))
                .isEqualTo(new EgressPolicy.Decision(true, "allowed by egress rule api.anthropic.com:443"));
        assertThat(rules.checkName("API.Anthropic.COM.", 443).allowed()).as("case and trailing dot").isTrue();
        assertThat(rules.checkName("api.anthropic.com", 80).rule()).isEqualTo("host egress denied: no rule allows api.anthropic.com:80");
        assertThat(rules.checkName("evil.api.anthropic.com", 443).allowed()).isFalse();
        assertThat(rules.checkName("anthropic.com", 443).allowed()).isFalse();
    }

    @Test
    void wildcardRulesMatchSubdomainsOnAnyPortUnlessOneIsGiven() {
        EgressRules any = EgressRules.allowing("*.example.com");
        EgressRules star = EgressRules.allowing("*.example.com:*");
        EgressRules https = EgressRules.allowing("*.example.com:443");

        for (EgressRules r : List.of(any, star)) {
            assertThat(r.checkName("a.example.com", 8080).allowed()).isTrue();
            assertThat(r.checkName("a.b.example.com", 22).allowed()).isTrue();
            assertThat(r.checkName("example.com", 443).allowed()).as("the bare domain is not a subdomain").isFalse();
            assertThat(r.checkName("badexample.com", 443).allowed()).isFalse();
        }
        assertThat(https.checkName("a.example.com", 443).allowed()).isTrue();
        assertThat(https.checkName("a.example.com", 80).allowed()).isFalse();
    }

    @Test
    void addressesAreCheckedAfterResolutionSoAPublicNameCannotPointInside() {
        EgressRules rules = EgressRules.allowing("*");

        assertThat(rules.checkAddress("api.example.com", ip("93.184.216.34"), 443).allowed()).isTrue();
        assertThat(rules.checkAddress("evil.example.com", ip("10.1.2.3"), 443).rule())
                .isEqualTo("evil.example.com resolves to private address 10.1.2.3, which is refused: no rule allows it");
        assertThat(rules.checkAddress("evil.example.com", ip("169.254.169.254"), 80).rule())
                .isEqualTo("evil.example.com resolves to metadata address 169.254.169.254, which is refused: no rule allows it");
        assertThat(rules.checkAddress("evil.example.com", ip("127.0.0.1"), 80).rule())
                .isEqualTo("evil.example.com resolves to loopback address 127.0.0.1, which is refused: no rule allows it");
    }

    @ParameterizedTest
    @CsvSource({
            "169.254.169.254, metadata address 169.254.169.254",
            "fd00:ec2::254, metadata address fd00:ec2::254",
            "10.0.0.1, private address 10.0.0.1",
            "172.16.5.4, private address 172.16.5.4",
            "172.31.255.255, private address 172.31.255.255",
            "192.168.1.1, private address 192.168.1.1",
            "fc00::1, private address fc00::1",
            "fd12:3456::1, private address fd12:3456::1",
            "127.0.0.1, loopback address 127.0.0.1",
            "127.9.9.9, loopback address 127.9.9.9",
            "::1, loopback address ::1",
            "0.0.0.0, unspecified address 0.0.0.0",
            "169.254.10.20, link-local address 169.254.10.20",
            "fe80::1, link-local address fe80::1",
            "::ffff:10.0.0.1, private address 10.0.0.1",
            "::ffff:169.254.169.254, metadata address 169.254.169.254",
            "64:ff9b::a00:1, private address 64:ff9b::a00:1",
    })
    void specialAddressesAreRefusedEvenUnderAllowAll(String literal, String what) {
        EgressRules rules = EgressRules.allowing("*");

        assertThat(rules.checkName(literal, 80))
                .isEqualTo(new EgressPolicy.Decision(false, what + " is refused: no rule allows it"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"172.15.0.1", "172.32.0.1", "8.8.8.8", "2606:4700::1111", "169.255.0.1"})
    void publicAddressesPassAllowAll(String literal) {
        assertThat(EgressRules.allowing("*").checkName(literal, 443).allowed()).isTrue();
        assertThat(EgressRules.NONE.checkName(literal, 443).allowed()).isFalse();
    }

    @Test
    void aRuleNamingASpecialAddressOpensIt() {
        assertThat(EgressRules.allowing("169.254.169.254:80").checkName("169.254.169.254", 80))
                .isEqualTo(new EgressPolicy.Decision(true, "allowed by egress rule 169.254.169.254:80"));
        assertThat(EgressRules.allowing("10.0.0.0/8").checkName("10.20.30.40", 5432).allowed()).isTrue();
        assertThat(EgressRules.allowing("10.0.0.0/8").checkName("11.0.0.1", 5432).allowed()).isFalse();
        assertThat(EgressRules.allowing("[fd00::/8]:443").checkName("fd12::1", 443).allowed()).isTrue();
        assertThat(EgressRules.allowing("[::1]:8080").checkName("[::1]", 8080).allowed()).isTrue();
        assertThat(EgressRules.allowing("0.0.0.0/0").checkName("10.0.0.1", 80).allowed())
                .as("a /0 block is 'everything', not a named address").isFalse();
        assertThat(EgressRules.allowing("0.0.0.0/0").checkName("8.8.8.8", 80).allowed()).isTrue();
    }

    @Test
    void aNameRuleResolvingToAPrivateAddressStillNeedsAnAddressRule() {
        EgressRules byName = EgressRules.allowing("db.internal:5432");
        EgressRules both = EgressRules.allowing("db.internal:5432", "10.1.2.3:5432");

        assertThat(byName.checkName("db.internal", 5432).allowed()).isTrue();
        assertThat(byName.checkAddress("db.internal", ip("10.1.2.3"), 5432).allowed()).isFalse();
        assertThat(both.checkAddress("db.internal", ip("10.1.2.3"), 5432).allowed()).isTrue();
    }

    @Test
    void addressRulesLetANameResolveAndThenJudgeItsAddress() {
        EgressRules rules = EgressRules.allowing("93.184.216.0/24:443");

        assertThat(rules.checkName("example.com", 443).allowed()).as("worth resolving").isTrue();
        assertThat(rules.checkAddress("example.com", ip("93.184.216.34"), 443).allowed()).isTrue();
        assertThat(rules.checkAddress("example.com", ip("93.184.217.1"), 443).rule())
                .isEqualTo("host egress denied: no rule allows example.com:443 (resolved to 93.184.217.1)");
    }

    @Test
    void theMetadataNameIsRefusedUnlessNamedExactly() {
        assertThat(EgressRules.allowing("*").checkName("metadata.google.internal", 80).rule())
                .isEqualTo("metadata address metadata.google.internal is refused: no rule allows it");
        assertThat(EgressRules.allowing("*.google.internal").checkName("metadata.google.internal", 80).allowed()).isFalse();
        assertThat(EgressRules.allowing("metadata.google.internal:80").checkName("metadata.google.internal", 80).allowed()).isTrue();
    }

    @Test
    void loopbackExemptPortsOpenLoopbackOnThosePortsOnly() {
        EgressRules rules = EgressRules.NONE.withLoopbackExemptPorts(List.of(3000));

        assertThat(rules.exemptsLoopbackPort(3000)).isTrue();
        assertThat(rules.exemptsLoopbackPort(3001)).isFalse();
        assertThat(rules.checkAddress("localhost", ip("127.0.0.1"), 3000))
                .isEqualTo(new EgressPolicy.Decision(true, "loopback port 3000 is exempt"));
        assertThat(rules.checkAddress("localhost", ip("::1"), 3000).allowed()).isTrue();
        assertThat(rules.checkAddress("localhost", ip("127.0.0.1"), 3001).allowed()).isFalse();
        assertThat(rules.checkAddress("localhost", ip("10.0.0.1"), 3000).allowed()).as("only loopback").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host:", "host:0", "host:65536", "host:http", "[::1", "[::1]x", "10.0.0.0/33", "*.", "a b", "ex*ample.com"})
    void badRulesAreRejectedWithTheirText(String text) {
        assertThatThrownBy(() -> EgressRule.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad egress rule '" + text + "'");
    }

    @Test
    void badLoopbackPortsAreRejected() {
        assertThatThrownBy(() -> EgressRules.NONE.withLoopbackExemptPorts(List.of(0)))
                .hasMessage("bad loopbackExemptPorts entry: 0");
    }
}
