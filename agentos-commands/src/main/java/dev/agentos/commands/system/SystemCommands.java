package dev.agentos.commands.system;

import dev.agentos.kernel.proc.ProgramRegistry;

/** The commands for processes, users and the system (env, date, ps, kill, ...). */
public final class SystemCommands {
    private SystemCommands() {}

    /** Adds this group's commands to the base image. */
    public static void register(ProgramRegistry.Builder programs) {
        programs.add("env", new Env(), "/usr/bin")
                .add("printenv", new Printenv(), "/usr/bin")
                .add("timeout", new Timeout(), "/usr/bin")
                .add("nohup", new Nohup(), "/usr/bin")
                .add("date", new Date())
                .add("uname", new Uname())
                .add("hostname", new Hostname())
                .add("whoami", new Whoami(), "/usr/bin")
                .add("id", new Id(), "/usr/bin")
                .add("groups", new Groups(), "/usr/bin")
                .add("which", new Which(), "/usr/bin")
                .add("ps", new Ps())
                .add("kill", new Kill())
                .add("nproc", new Nproc(), "/usr/bin")
                .add("uptime", new Uptime(), "/usr/bin")
                .add("tty", new Tty(), "/usr/bin")
                .add("stty", new Stty())
                .add("clear", new Clear(), "/usr/bin")
                .add("mkfifo", new Mkfifo(), "/usr/bin")
                .add("sync", new Sync());
    }
}
