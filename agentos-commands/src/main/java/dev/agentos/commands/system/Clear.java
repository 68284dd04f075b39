package dev.agentos.commands.system;

import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;

/** clear (ncurses, TERM=xterm): home, erase the screen and, unless -x, the scrollback. */
final class Clear implements Program {
    @Override public int run(ProcessContext ctx) {
        boolean keepScrollback = false;
        for (String a : ctx.argv().subList(1, ctx.argv().size())) {
            if (a.equals("-x")) {
                keepScrollback = true;
            } else if (a.equals("-V")) {
                Gnu.print(ctx.stdout(), "ncurses 6.4.20221231\n");
                return 0;
            } else if (a.startsWith("-T") ) {
                continue;
            } else {
                Gnu.print(ctx.stderr(), "Usage: clear [options]\n\nOptions:\n  -T TERM     use this instead of $TERM\n"
                        + "  -V          print curses-version\n  -x          do not try to clear scrollback\n");
                return 1;
            }
        }
        Gnu.print(ctx.stdout(), keepScrollback ? "\033[H\033[2J" : "\033[H\033[2J\033[3J");
        return 0;
    }
}
