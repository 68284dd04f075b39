package dev.agentos.commands.text;

import dev.agentos.commands.Getopt;

/** yes: repeats its arguments (or "y") forever, writing in large blocks until the pipe closes. */
final class Yes extends TextCommand {
    @Override String name() { return "yes"; }

    @Override Getopt options() { return Getopt.create(); }

    @Override int execute(Run r) {
        String line = (r.operands().isEmpty() ? "y" : String.join(" ", r.operands())) + "\n";
        byte[] one = TextIo.bytes(line);
        int copies = Math.max(1, TextIo.BLOCK / one.length);
        byte[] block = new byte[one.length * copies];
        for (int i = 0; i < copies; i++) System.arraycopy(one, 0, block, i * one.length, one.length);
        r.flush();
        while (true) r.ctx.write(1, block, 0, block.length);
    }
}
