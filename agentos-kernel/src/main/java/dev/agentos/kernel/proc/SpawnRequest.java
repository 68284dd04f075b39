package dev.agentos.kernel.proc;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a new process runs and with what: posix_spawn's arguments. {@code command} is a path or a name
 * looked up on PATH; or {@code program} runs a program object directly (the shell's fork for subshells
 * and pipelines of builtins), with {@code command} as its argv[0] only. Unset env/cwd inherit the parent's.
 */
public record SpawnRequest(String command, List<String> argv, Optional<Map<String, String>> env,
                           Optional<String> cwd, List<FdAction> fdActions, ProcessGroup group,
                           Optional<Program> program) {
    public SpawnRequest {
        Objects.requireNonNull(command);
        argv = List.copyOf(argv);
        env = env.map(e -> java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(e))); // order is what env prints
        fdActions = List.copyOf(fdActions);
        Objects.requireNonNull(group);
    }

    /** Runs {@code command} with {@code args} (argv[0] is the command), inheriting everything else. */
    public static SpawnRequest of(String command, List<String> args) {
        var argv = new java.util.ArrayList<String>(args.size() + 1);
        argv.add(command);
        argv.addAll(args);
        return new SpawnRequest(command, argv, Optional.empty(), Optional.empty(), List.of(),
                ProcessGroup.INHERIT, Optional.empty());
    }

    public SpawnRequest withEnv(Map<String, String> newEnv) {
        return new SpawnRequest(command, argv, Optional.of(newEnv), cwd, fdActions, group, program);
    }

    public SpawnRequest withCwd(String newCwd) {
        return new SpawnRequest(command, argv, env, Optional.of(newCwd), fdActions, group, program);
    }

    public SpawnRequest withFdActions(List<FdAction> actions) {
        return new SpawnRequest(command, argv, env, cwd, actions, group, program);
    }

    public SpawnRequest withGroup(ProcessGroup newGroup) {
        return new SpawnRequest(command, argv, env, cwd, fdActions, newGroup, program);
    }

    public SpawnRequest withProgram(Program p) {
        return new SpawnRequest(command, argv, env, cwd, fdActions, group, Optional.of(p));
    }

    /** File descriptor set-up applied in the child after inheritance, in order (posix_spawn_file_actions). */
    public sealed interface FdAction {
        /** dup2(from, to) in the child. */
        record Dup2(int from, int to) implements FdAction {}
        /** close(fd) in the child. */
        record Close(int fd) implements FdAction {}
        /** open(path, flags, mode) onto fd in the child. */
        record Open(int fd, String path, int flags, int mode) implements FdAction {}
    }

    /** Which process group the child joins. */
    public sealed interface ProcessGroup {
        /** The parent's group. */
        ProcessGroup INHERIT = new Inherit();
        /** A new group led by the child. */
        ProcessGroup NEW = new Join(0);

        record Inherit() implements ProcessGroup {}
        /** An existing group of the same session; 0 means a new group led by the child. */
        record Join(int pgid) implements ProcessGroup {}
        /** A new session (setsid), optionally with a terminal fd of the child as its controlling TTY. */
        record NewSession(int controllingTtyFd) implements ProcessGroup {}
    }
}
