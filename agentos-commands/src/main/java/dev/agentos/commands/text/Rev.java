package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;

/** rev (util-linux): each line's characters reversed (bytes, in the C locale). */
final class Rev extends TextCommand {
    @Override String name() { return "rev"; }

    @Override String packageName() { return "util-linux"; }

    @Override String version() { return "2.38.1"; }

    @Override Getopt options() {
        return Getopt.create().flag('0', "zero", "z").flag('V', null, "--version").flag('h', null, "--help");
    }

    @Override int execute(Run r) {
        byte eol = r.has("z") ? 0 : (byte) '\n';
        int status = 0;
        for (String f : r.files()) {
            int fd;
            try {
                fd = TextIo.open(r.ctx, f);
            } catch (AgentOsException e) {
                r.error("cannot open " + f + ": " + TextIo.reason(e));
                status = 1;
                continue;
            }
            try {
                LineReader lr = new LineReader(r.ctx, fd, eol);
                byte[] tmp = new byte[256];
                while (lr.next()) {
                    int len = lr.length();
                    if (tmp.length < len) tmp = new byte[len];
                    for (int i = 0; i < len; i++) tmp[i] = lr.buf[lr.end - 1 - i];
                    r.write(tmp, 0, len);
                    if (lr.delimited) r.write(eol);
                }
            } catch (AgentOsException e) {
                r.error(f + ": " + TextIo.reason(e));
                status = 1;
            } finally {
                TextIo.close(r.ctx, fd);
            }
        }
        return status;
    }
}
