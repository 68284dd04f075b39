package dev.agentos.commands.net;

import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;

/** A guest program serving a {@link ScriptedHttp} script on a VM port, one connection per response. */
final class GuestScriptedServer implements Program {
    private final ScriptedHttp script;
    private final int port;

    GuestScriptedServer(ScriptedHttp script, int port) {
        this.script = script;
        this.port = port;
    }

    @Override public int run(ProcessContext ctx) throws java.io.IOException {
        int listenFd = ctx.listen("127.0.0.1", port, 16);
        script.listening.countDown();
        for (int i = 0; i < script.count(); i++) {
            try (SocketStream s = new SocketStream(ctx, ctx.accept(listenFd))) {
                script.answer(i, s.input(), s.output());
            }
        }
        return 0;
    }
}
