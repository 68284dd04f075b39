package dev.agentos.session;

import dev.agentos.AgentOs;
import dev.agentos.kernel.Kernel;
import dev.agentos.kernel.limit.Limits;
import java.util.List;
import java.util.TreeSet;

/**
 * The instructions every agent receives about the machine it runs on (sent in {@code session/new} as
 * {@code _meta.agentos.instructions}; the built-in agent makes them its system prompt): what agentOS
 * is, the shell and commands installed, the files, the network and the limits, then the operator's
 * additional instructions.
 */
final class OsInstructions {
    private OsInstructions() {}

    static String text(AgentOs vm, Kernel kernel, String cwd, String additional) {
        Limits l = kernel.limits();
        StringBuilder b = new StringBuilder();
        b.append("You are running inside agentOS, a lightweight virtual machine for AI agents (host name ")
                .append(kernel.hostname()).append("). It behaves like a small Linux system, but its kernel, shell and ")
                .append("commands are emulated in-process: there are no host binaries, no package manager and no root.\n\n");
        b.append("- User: agentos (home /home/agentos). Working directory: ").append(cwd).append(".\n");
        b.append("- Shell: /bin/bash (bash 5 compatible: pipes, redirections, functions, job control).\n");
        b.append("- Commands: ").append(String.join(" ", commands(vm))).append(".\n");
        b.append("- Files: read and write them with your file tools or the shell; the filesystem is private to this VM.\n");
        b.append("- Network: loopback inside the VM only; connections to the outside are refused unless the operator allows them.\n");
        b.append("- Limits: ").append(l.maxProcesses()).append(" processes, ").append(l.maxOpenFiles()).append(" open files per process, ")
                .append(l.fsMaxBytes() >> 20).append(" MiB of files, ").append(l.fsMaxInodes()).append(" files and directories, ")
                .append(l.maxOutputBytes() >> 20).append(" MiB of captured output per command");
        l.maxExecWallTime().ifPresent(d -> b.append(", ").append(d.toSeconds()).append(" s per command"));
        b.append(". Hitting a limit fails that one call with a Linux error (EAGAIN, ENOSPC, ...); the machine stays up.\n");
        if (!additional.isBlank()) b.append("\n").append(additional.strip()).append("\n");
        return b.toString();
    }

    private static List<String> commands(AgentOs vm) {
        TreeSet<String> names = new TreeSet<>();
        for (String dir : List.of("/bin", "/usr/bin", "/usr/local/bin", "/opt/agentos/bin")) {
            try {
                if (vm.exists(dir)) names.addAll(vm.readdir(dir));
            } catch (RuntimeException e) {
                // an unreadable directory lists nothing
            }
        }
        return List.copyOf(names);
    }
}
