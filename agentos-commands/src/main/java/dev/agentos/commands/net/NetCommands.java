package dev.agentos.commands.net;

import dev.agentos.kernel.proc.ProgramRegistry;

/** The network commands: curl, wget, nc and httpd, all over the VM's sockets. */
public final class NetCommands {
    private NetCommands() {}

    /** Adds this group's commands to the base image (each stateless, shared by every process). */
    public static void register(ProgramRegistry.Builder programs) {
        programs.add("curl", new Curl())
                .add("httpd", new Httpd())
                .add("wget", new Wget())
                .add("nc", new Netcat())
                .add("netcat", new Netcat());
    }
}
