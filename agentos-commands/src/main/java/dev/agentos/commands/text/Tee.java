package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.kernel.Signal;
import dev.agentos.kernel.proc.SignalDisposition;
import dev.agentos.kernel.vfs.OpenFlags;
import java.util.ArrayList;
import java.util.List;

/** tee: copies standard input to standard output and to each FILE (appending with -a). */
final class Tee extends TextCommand {
    @Override String name() { return "tee"; }

    @Override Getopt options() {
        return Getopt.create().flag('a', "append", "a").flag('i', "ignore-interrupts", "i").flag('p', null, "p")
                .optionalArg((char) 0, "output-error", "output-error");
    }

    @Override int execute(Run r) {
        if (r.has("i")) r.ctx.signalDisposition(Signal.SIGINT, SignalDisposition.IGNORE);
        int flags = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | (r.has("a") ? OpenFlags.O_APPEND : OpenFlags.O_TRUNC);
        int status = 0;
        List<Integer> fds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String f : r.operands()) {
            try {
                fds.add(r.ctx.open(f, flags, 0666));
                names.add(f);
            } catch (AgentOsException e) {
                r.error(f, e);
                status = 1;
            }
        }
        byte[] buf = new byte[TextIo.BLOCK];
        boolean stdoutOk = true;
        int n;
        while ((n = r.ctx.read(0, buf, 0, buf.length)) > 0) {
            if (stdoutOk) {
                try {
                    r.ctx.write(1, buf, 0, n);
                } catch (AgentOsException e) {
                    if (!r.has("p") && !r.has("output-error")) throw e;
                    stdoutOk = false;
                }
            }
            for (int i = 0; i < fds.size(); i++) {
                if (fds.get(i) < 0) continue;
                try {
                    r.ctx.write(fds.get(i), buf, 0, n);
                } catch (AgentOsException e) {
                    r.error(names.get(i), e);
                    r.ctx.close(fds.get(i));
                    fds.set(i, -1);
                    status = 1;
                }
            }
        }
        for (int fd : fds) if (fd >= 0) r.ctx.close(fd);
        return status;
    }
}
