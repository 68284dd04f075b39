package dev.agentos.commands.data;

import dev.agentos.kernel.proc.ProgramRegistry;

/** The commands for data and archives (jq, base64, sha256sum, bc, tar, gzip, zip, ...). */
public final class DataCommands {
    private DataCommands() {}

    /** Adds this group's commands to the base image. */
    public static void register(ProgramRegistry.Builder programs) {
    }
}
