package dev.agentos.kernel.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortTableTest {
    private final PortTable ports = new PortTable();

    @Test
    void ephemeralPortsSkipThoseHeldByListenersAndClients() {
        ports.bind(PortTable.EPHEMERAL_FIRST, null);
        ports.holdClientPort(PortTable.EPHEMERAL_FIRST + 1);

        assertThat(ports.freeEphemeral()).hasValue(PortTable.EPHEMERAL_FIRST + 2);
    }

    @Test
    void aReleasedPortIsNotHandedOutAgainAtOnce() {
        int first = ports.freeEphemeral().getAsInt();
        ports.holdClientPort(first);
        ports.releaseClientPort(first);

        assertThat(ports.freeEphemeral()).hasValue(first + 1);
    }

    @Test
    void theRangeIsExhaustedWhenEveryPortIsHeld() {
        for (int p = PortTable.EPHEMERAL_FIRST; p <= PortTable.EPHEMERAL_LAST; p++) ports.holdClientPort(p);

        assertThat(ports.freeEphemeral()).isEmpty();
        ports.releaseClientPort(PortTable.EPHEMERAL_LAST);
        assertThat(ports.freeEphemeral()).hasValue(PortTable.EPHEMERAL_LAST);
    }
}
