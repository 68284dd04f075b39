package dev.agentos.server.store;

import dev.agentos.AgentOsException;
import java.nio.file.Path;

/**
 * An actor's database file is missing, is not a database, or holds something this server cannot read.
 * Only that actor fails; the message names the file so an operator can restore or remove it.
 */
public final class StoreCorruptException extends AgentOsException {
    private static final long serialVersionUID = 1L;

    public StoreCorruptException(Path file, String problem) {
        super("actor", "store_corrupt", "store_corrupt: " + problem + ": " + file);
    }
}
