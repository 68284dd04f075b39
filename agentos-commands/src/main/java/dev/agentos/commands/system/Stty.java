package dev.agentos.commands.system;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.proc.ProcessContext;
import dev.agentos.kernel.proc.Program;
import dev.agentos.kernel.tty.Terminal;
import dev.agentos.kernel.tty.Termios;
import dev.agentos.kernel.tty.WindowSize;
import java.util.List;

/** stty: shows and changes the terminal on standard input (flags, control characters, size). */
final class Stty implements Program {
    /** A boolean termios flag: which word (0 c, 1 i, 2 o, 3 l), its bit, and its value after {@code sane}. */
    private record Flag(String name, int word, int bit, Boolean sane) {}

    private static final List<Flag> FLAGS = List.of(
            new Flag("parenb", 0, 0400, null), new Flag("parodd", 0, 01000, null), new Flag("cmspar", 0, 010000000000, null),
            new Flag("hupcl", 0, 02000, null), new Flag("cstopb", 0, 0100, null), new Flag("cread", 0, 0200, true),
            new Flag("clocal", 0, 04000, null), new Flag("crtscts", 0, 020000000000, null),
            new Flag("ignbrk", 1, 01, false), new Flag("brkint", 1, 02, true), new Flag("ignpar", 1, 04, null),
            new Flag("parmrk", 1, 010, null), new Flag("inpck", 1, 020, null), new Flag("istrip", 1, 040, null),
            new Flag("inlcr", 1, 0100, false), new Flag("igncr", 1, 0200, false), new Flag("icrnl", 1, 0400, true),
            new Flag("ixon", 1, 02000, null), new Flag("ixoff", 1, 010000, false), new Flag("iuclc", 1, 01000, false),
            new Flag("ixany", 1, 04000, false), new Flag("imaxbel", 1, 020000, true), new Flag("iutf8", 1, 040000, false),
            new Flag("opost", 2, 01, true), new Flag("olcuc", 2, 02, false), new Flag("ocrnl", 2, 010, false),
            new Flag("onlcr", 2, 04, true), new Flag("onocr", 2, 020, false), new Flag("onlret", 2, 040, false),
            new Flag("ofill", 2, 0100, false), new Flag("ofdel", 2, 0200, false),
            new Flag("isig", 3, 01, true), new Flag("icanon", 3, 02, true), new Flag("iexten", 3, 0100000, true),
            new Flag("echo", 3, 010, true), new Flag("echoe", 3, 020, true), new Flag("echok", 3, 040, true),
            new Flag("echonl", 3, 0100, false), new Flag("noflsh", 3, 0200, false), new Flag("xcase", 3, 04, false),
            new Flag("tostop", 3, 0400, false), new Flag("echoprt", 3, 02000, false), new Flag("echoctl", 3, 01000, true),
            new Flag("echoke", 3, 04000, true), new Flag("flusho", 3, 010000, false), new Flag("extproc", 3, 0200000, false));
    private static final String[] CC_NAMES = {"intr", "quit", "erase", "kill", "eof", "eol", "eol2", "swtch", "start",
        "stop", "susp", "rprnt", "werase", "lnext", "discard"};
    private static final int[] CC_INDEX = {0, 1, 2, 3, 4, 11, 16, 7, 8, 9, 10, 12, 14, 15, 13};

    private int col;
    private int maxCol;
    private final StringBuilder out = new StringBuilder();

    @Override public int run(ProcessContext ctx) {
        List<String> args = ctx.argv().subList(1, ctx.argv().size());
        if (Gnu.helpOrVersion(ctx, "stty", "Usage: stty [-F DEVICE | --file=DEVICE] [SETTING]...\n")) return 0;
        Terminal t;
        try {
            t = ctx.terminal(0);
        } catch (AgentOsException e) {
            Gnu.print(ctx.stderr(), "stty: 'standard input': " + ChildProcess.reason(e) + "\n");
            return 1;
        }
        maxCol = t.windowSize().cols();
        Termios tio = t.attributes();
        if (args.isEmpty() || args.equals(List.of("-a")) || args.equals(List.of("--all"))) {
            display(tio, t.windowSize(), !args.isEmpty());
            Gnu.print(ctx.stdout(), out.toString());
            return 0;
        }
        if (args.equals(List.of("-g")) || args.equals(List.of("--save"))) {
            StringBuilder sb = new StringBuilder(String.format("%x:%x:%x:%x", tio.iflag(), tio.oflag(), tio.cflag(), tio.lflag()));
            byte[] cc = tio.cc();
            for (int k = 0; k < 32; k++) sb.append(':').append(Integer.toHexString(k < cc.length ? cc[k] & 0xff : 0));
            Gnu.print(ctx.stdout(), sb + "\n");
            return 0;
        }
        WindowSize size = t.windowSize();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean neg = a.startsWith("-");
            String w = neg ? a.substring(1) : a;
            Flag f = FLAGS.stream().filter(x -> x.name.equals(w)).findFirst().orElse(null);
            if (f != null) {
                tio = setFlag(tio, f, !neg);
                continue;
            }
            switch (a) {
                case "size" -> { Gnu.print(ctx.stdout(), size.rows() + " " + size.cols() + "\n"); continue; }
                case "raw", "-cooked" -> { tio = raw(tio); continue; }
                case "-raw", "cooked" -> { tio = cooked(tio); continue; }
                case "sane" -> { tio = sane(tio); continue; }
                default -> { }
            }
            boolean takesArg = List.of("rows", "cols", "columns", "min", "time").contains(a) || ccIndex(a) >= 0;
            if (takesArg) {
                if (i + 1 >= args.size()) {
                    Gnu.print(ctx.stderr(), "stty: missing argument to '" + a + "'\nTry 'stty --help' for more information.\n");
                    return 1;
                }
                String v = args.get(++i);
                int ci = ccIndex(a);
                if (ci >= 0) {
                    int c = controlChar(v);
                    if (c < 0) return invalidArg(ctx, v);
                    byte[] cc = tio.cc();
                    cc[ci] = (byte) c;
                    tio = new Termios(tio.iflag(), tio.oflag(), tio.cflag(), tio.lflag(), cc);
                    continue;
                }
                int n;
                try {
                    n = Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    Gnu.print(ctx.stderr(), "stty: invalid integer argument: '" + v + "'\n");
                    return 1;
                }
                switch (a) {
                    case "rows" -> size = new WindowSize(size.cols(), n);
                    case "min", "time" -> {
                        byte[] cc = tio.cc();
                        cc[a.equals("min") ? Termios.VMIN : Termios.VTIME] = (byte) n;
                        tio = new Termios(tio.iflag(), tio.oflag(), tio.cflag(), tio.lflag(), cc);
                    }
                    default -> size = new WindowSize(n, size.rows());
                }
                continue;
            }
            return invalidArg(ctx, a);
        }
        t.setAttributes(tio);
        if (!size.equals(t.windowSize())) t.setWindowSize(size);
        return 0;
    }

    private static int invalidArg(ProcessContext ctx, String a) {
        Gnu.print(ctx.stderr(), "stty: invalid argument '" + a + "'\nTry 'stty --help' for more information.\n");
        return 1;
    }

    private static int ccIndex(String name) {
        for (int k = 0; k < CC_NAMES.length; k++) if (CC_NAMES[k].equals(name)) return CC_INDEX[k];
        return -1;
    }

    private static int controlChar(String v) {
        if (v.equals("undef") || v.equals("^-")) return 0;
        if (v.equals("^?")) return 0177;
        if (v.length() == 2 && v.charAt(0) == '^') return Character.toUpperCase(v.charAt(1)) & 037;
        if (v.length() == 1) return v.charAt(0);
        return -1;
    }

    private static int word(Termios t, int w) {
        return switch (w) {
            case 0 -> t.cflag();
            case 1 -> t.iflag();
            case 2 -> t.oflag();
            default -> t.lflag();
        };
    }

    private static Termios setFlag(Termios t, Flag f, boolean on) {
        int v = word(t, f.word);
        v = on ? v | f.bit : v & ~f.bit;
        return switch (f.word) {
            case 0 -> new Termios(t.iflag(), t.oflag(), v, t.lflag(), t.cc());
            case 1 -> t.withIflag(v);
            case 2 -> t.withOflag(v);
            default -> t.withLflag(v);
        };
    }

    private static Termios set(Termios t, String names, boolean on) {
        for (String n : names.split(" ")) {
            t = setFlag(t, FLAGS.stream().filter(x -> x.name.equals(n)).findFirst().orElseThrow(), on);
        }
        return t;
    }

    private static Termios raw(Termios t) {
        t = set(t, "ignbrk brkint ignpar parmrk inpck istrip inlcr igncr icrnl ixon ixoff icanon opost isig iuclc ixany imaxbel xcase", false);
        byte[] cc = t.cc();
        cc[Termios.VMIN] = 1;
        cc[Termios.VTIME] = 0;
        return new Termios(t.iflag(), t.oflag(), t.cflag(), t.lflag(), cc);
    }

    private static Termios cooked(Termios t) {
        t = set(t, "brkint ignpar istrip icrnl ixon opost isig icanon", true);
        byte[] cc = t.cc();
        cc[Termios.VEOF] = 4;
        cc[Termios.VEOL] = 0;
        return new Termios(t.iflag(), t.oflag(), t.cflag(), t.lflag(), cc);
    }

    private static Termios sane(Termios t) {
        for (Flag f : FLAGS) if (f.sane != null) t = setFlag(t, f, f.sane);
        byte[] cc = Termios.defaults().cc();
        return new Termios(t.iflag() & ~(07400000), t.oflag() & ~0177400, t.cflag(), t.lflag(), cc);
    }

    private void display(Termios t, WindowSize size, boolean all) {
        wrap("speed 38400 baud;");
        if (all) {
            wrap("rows " + size.rows() + "; columns " + size.cols() + ";");
        }
        wrap("line = 0;");
        newline();
        Termios sane = sane(t);
        for (int k = 0; k < CC_NAMES.length; k++) {
            int idx = CC_INDEX[k];
            int v = t.cc(idx) & 0xff;
            if (!all && v == (sane.cc(idx) & 0xff)) continue;
            wrap(CC_NAMES[k] + " = " + visible(v) + ";");
        }
        if (all || !t.has(Termios.ICANON)) wrap("min = " + t.cc(Termios.VMIN) + "; time = " + t.cc(Termios.VTIME) + ";");
        if (col > 0) newline();
        for (int w : new int[] {0, 1, 2, 3}) {
            for (Flag f : FLAGS) {
                if (f.word != w) continue;
                boolean on = (word(t, w) & f.bit) != 0;
                // GNU's display_changed: a SANE_UNSET flag when on, a SANE_SET one when off
                if (!all && !(on && Boolean.FALSE.equals(f.sane) || !on && Boolean.TRUE.equals(f.sane))) continue;
                wrap((on ? "" : "-") + f.name);
                if (w == 0 && f.name.equals("cmspar") && all) wrap("cs8");
                if (w == 2 && f.name.equals("ofdel") && all) {
                    for (String d : new String[] {"nl0", "cr0", "tab0", "bs0", "vt0", "ff0"}) wrap(d);
                }
            }
            if (col > 0) newline();
        }
    }

    private static String visible(int c) {
        if (c == 0) return "<undef>";
        if (c == 0177) return "^?";
        if (c < 32) return "^" + (char) (c + 64);
        if (c >= 128) return "M-" + visible(c - 128);
        return String.valueOf((char) c);
    }

    private void wrap(String item) {
        if (col > 0) {
            if (maxCol - col <= item.length()) {
                newline();
            } else {
                out.append(' ');
                col++;
            }
        }
        out.append(item);
        col += item.length();
    }

    private void newline() {
        out.append('\n');
        col = 0;
    }
}
