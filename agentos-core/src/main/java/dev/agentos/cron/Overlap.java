package dev.agentos.cron;

import dev.agentos.AgentOsException;
import java.util.Locale;

/** What happens when a job is due while its previous run is still going. */
public enum Overlap {
    /** Start another run alongside. */
    ALLOW,
    /** Skip this fire (a {@code skip} event says so). */
    SKIP,
    /** Run after the current run ends; fires that pile up meanwhile are queued in order. */
    QUEUE;

    public String wireName() { return name().toLowerCase(Locale.ROOT); }

    public static Overlap parse(String s) {
        for (Overlap o : values()) if (o.wireName().equals(s)) return o;
        throw new AgentOsException("cron", "EINVAL", "EINVAL: invalid argument, cron overlap '" + s + "' (expected allow, skip or queue)");
    }
}
