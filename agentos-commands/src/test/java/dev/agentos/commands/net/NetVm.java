package dev.agentos.commands.net;

import dev.agentos.commands.CommandDiff;
import dev.agentos.kernel.Credentials;
import dev.agentos.kernel.proc.GuestProcess;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.proc.SpawnRequest;
import dev.agentos.kernel.vfs.Caller;
import dev.agentos.kernel.vfs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One VM for network tests: runs commands in {@code /tmp/t} and starts guest servers beside them. */
final class NetVm implements AutoCloseable {
    final CommandDiff diff = new CommandDiff();

    NetVm file(String path, String content) {
        diff.file(path, content);
        return this;
    }

    NetVm dir(String path) {
        diff.dir(path);
        return this;
    }

    CommandDiff.Outcome run(String... argv) {
        return diff.vm("", Arrays.asList(argv));
    }

    CommandDiff.Outcome runWithStdin(String stdin, String... argv) {
        return diff.vm(stdin, Arrays.asList(argv));
    }

    /** Starts a program as a VM process with no standard streams, not waiting for it. */
    GuestProcess start(Program program, String name) {
        return diff.kernel().processes().spawn(SpawnRequest.of(name, List.of()).withProgram(program).withCwd(CommandDiff.VM_DIR),
                Credentials.AGENTOS, Map.of());
    }

    /** Serves {@code script} on VM {@code port} and returns once the port listens. */
    GuestProcess serve(ScriptedHttp script, int port) throws InterruptedException {
        GuestProcess p = start(new GuestScriptedServer(script, port), "scripted-server");
        script.listening.await();
        return p;
    }

    /** A VM file's content (relative paths are under /tmp/t). */
    String read(String path) {
        String abs = path.startsWith("/") ? path : CommandDiff.VM_DIR + "/" + path;
        var f = diff.kernel().vfs().open(new Caller(0, Credentials.AGENTOS, "/", 022), abs, OpenFlags.O_RDONLY, 0);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = f.read(buf, 0, buf.length)) > 0) out.write(buf, 0, n);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            f.close();
        }
    }

    boolean exists(String path) {
        String abs = path.startsWith("/") ? path : CommandDiff.VM_DIR + "/" + path;
        try {
            diff.kernel().vfs().stat(new Caller(0, Credentials.AGENTOS, "/", 022), abs);
            return true;
        } catch (dev.agentos.AgentOsException e) {
            return false;
        }
    }

    @Override public void close() {
        diff.close();
    }
}
