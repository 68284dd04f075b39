package dev.agentos.commands.procs;

import dev.agentos.kernel.proc.ProgramRegistry;

/** The procps, psmisc and pager commands: pgrep, pkill, killall, nice, time, free, top, watch, less, more. */
public final class ProcsCommands {
    private ProcsCommands() {}

    /** Adds this group's commands to the base image. */
    public static void register(ProgramRegistry.Builder programs) {
        programs.add("pgrep", new Pgrep(false), "/usr/bin")
                .add("pkill", new Pgrep(true), "/usr/bin")
                .add("killall", new Killall(), "/usr/bin")
                .add("nice", new Nice(), "/usr/bin")
                .add("time", new Time(), "/usr/bin")
                .add("free", new Free(), "/usr/bin")
                .add("top", new Top(), "/usr/bin")
                .add("watch", new Watch(), "/usr/bin")
                .add("less", new Less(false), "/usr/bin")
                .add("more", new Less(true));
    }
}
