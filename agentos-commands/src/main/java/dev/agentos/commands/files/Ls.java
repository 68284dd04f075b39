package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.vfs.DirEntry;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** ls: lists directories; -l -a -A -1 -C -R -h -S -t -r -d -F -n --color, columns on a terminal. */
final class Ls extends FileCommand {

    Ls() { super("ls", "[OPTION]... [FILE]..."); }

    @Override protected int usageStatus() { return 2; }

    @Override protected Getopt options() {
        return Getopt.create().flag('l', null, "l").flag('a', "all", "a").flag('A', "almost-all", "A")
                .flag('1', null, "1").flag('C', null, "C").flag('R', "recursive", "R").flag('h', "human-readable", "h")
                .flag('S', null, "S").flag('t', null, "t").flag('r', "reverse", "r").flag('d', "directory", "d")
                .flag('F', "classify", "F").optionalArg((char) 0, "color", "color").flag('n', "numeric-uid-gid", "n")
                .flag('U', null, "U").flag('i', "inode", "i")
                .withArg('w', "width", "w");
    }

    /** One name to show, with what lstat (and stat, for a symlink) said. */
    record Entry(String name, String path, FileStat st, FileStat target, String link) {}

    /** The choices of one run. */
    private record Opts(char format, char show, char sort, boolean reverse, boolean recursive, boolean human,
                        boolean dirs, boolean classify, boolean numeric, boolean inode, boolean tty, int width, boolean color) {}

    @Override protected int execute(Invocation inv) {
        char format = inv.ctx().isatty(1) ? 'C' : '1', show = 'n', sort = 'n';
        boolean color = false;
        for (Getopt.Option o : inv.options().options()) {
            switch (o.key()) {
                case "l", "n" -> format = 'l';
                case "1" -> format = '1';
                case "C" -> format = 'C';
                case "a" -> show = 'a';
                case "A" -> show = 'A';
                case "S" -> sort = 'S';
                case "t" -> sort = 't';
                case "U" -> sort = 'U';
                case "color" -> {
                    String w = o.valueOr("always");
                    if (!List.of("always", "yes", "force", "never", "no", "none", "auto", "tty", "if-tty").contains(w)) {
                        inv.error("invalid argument " + Quoting.always(w) + " for '--color'\nValid arguments are:\n  - 'always', 'yes', 'force'\n  - 'never', 'no', 'none'\n  - 'auto', 'tty', 'if-tty'");
                        dev.agentos.commands.Gnu.print(inv.ctx().stderr(), "Try 'ls --help' for more information.\n");
                        return 1;
                    }
                    color = switch (w) {
                        case "always", "yes", "force" -> true;
                        case "auto", "tty", "if-tty" -> inv.ctx().isatty(1);
                        default -> false;
                    };
                }
                default -> { }
            }
        }
        Optional<String> w = inv.options().last("w");
        if (w.isPresent() && !w.get().matches("\\d+")) {
            inv.error("invalid line width: " + Quoting.always(w.get()));
            return 2;
        }
        Opts o = new Opts(format, show, sort, inv.has("r"), inv.has("R"), inv.has("h"), inv.has("d"), inv.has("F"),
                inv.has("n"), inv.has("i"), inv.ctx().isatty(1), lineWidth(inv), color);
        return new Listing(inv, o, new Accounts(inv.ctx())).run();
    }

    private static int lineWidth(Invocation inv) {
        Optional<String> w = inv.options().last("w");
        if (w.isPresent()) {
            try {
                int c = Integer.parseInt(w.get());
                if (c >= 0) return c == 0 ? Integer.MAX_VALUE : c;
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        Optional<String> cols = inv.ctx().getenv("COLUMNS");
        if (cols.isPresent()) {
            try {
                int c = Integer.parseInt(cols.get());
                if (c > 0) return c;
            } catch (NumberFormatException ignored) {
                // fall through to the terminal's width
            }
        }
        try {
            return inv.ctx().terminal(1).windowSize().cols();
        } catch (AgentOsException e) {
            return 80;
        }
    }

    /** One ls run: prints sections and remembers the exit status. */
    private static final class Listing {
        private final Invocation inv;
        private final Opts o;
        private final Accounts acc;
        private final ZoneId zone;
        private final Instant now;
        private int status;
        private boolean printedAny;

        Listing(Invocation inv, Opts o, Accounts acc) {
            this.inv = inv;
            this.o = o;
            this.acc = acc;
            this.zone = DateParsing.zone(inv.ctx().getenv("TZ").orElse("UTC"));
            this.now = inv.ctx().clock().instant();
        }

        int run() {
            List<String> ops = inv.operands().isEmpty() ? List.of(".") : inv.operands();
            boolean derefDirs = !(o.dirs || o.classify || o.format == 'l');
            List<Entry> files = new ArrayList<>();
            List<Entry> dirs = new ArrayList<>();
            for (String op : ops) {
                FileStat st;
                try {
                    st = inv.ctx().lstat(op);
                } catch (AgentOsException e) {
                    fail(inv, "cannot access", op, e);
                    status = 2;
                    continue;
                }
                Entry e = entry(op, op, st);
                if (st.isSymlink() && derefDirs && e.target != null && e.target.isDirectory()) e = new Entry(op, op, e.target, null, null);
                if (e.st.isDirectory() && !o.dirs) dirs.add(e);
                else files.add(e);
            }
            sort(files);
            sort(dirs);
            if (!files.isEmpty()) {
                print(files, false);
                printedAny = true;
            }
            boolean headers = ops.size() > 1 || o.recursive;
            for (Entry d : dirs) listDir(d.path, headers, true);
            return status;
        }

        private Entry entry(String name, String path, FileStat st) {
            if (!st.isSymlink()) return new Entry(name, path, st, null, null);
            String link = null;
            try {
                link = inv.ctx().readlink(path);
            } catch (AgentOsException ignored) {
                // shown without a target
            }
            return new Entry(name, path, st, SysFiles.stat(inv.ctx(), path).orElse(null), link);
        }

        private void listDir(String path, boolean header, boolean top) {
            List<DirEntry> raw;
            try {
                raw = inv.ctx().readdir(path);
            } catch (AgentOsException e) {
                fail(inv, "cannot open directory", path, e);
                status = top ? 2 : Math.max(status, 1);
                return;
            }
            if (printedAny) inv.print("\n");
            printedAny = true;
            if (header) inv.print(path + ":\n");
            List<String> names = new ArrayList<>();
            for (DirEntry d : raw) names.add(d.name());
            if (o.show == 'a') {
                if (!names.contains(".")) names.add(".");
                if (!names.contains("..")) names.add("..");
            }
            List<Entry> entries = new ArrayList<>();
            for (String n : names) {
                if (o.show != 'a' && (n.equals(".") || n.equals(".."))) continue;
                if (o.show == 'n' && n.startsWith(".")) continue;
                String p = PathNames.join(path, n);
                try {
                    entries.add(entry(n, p, inv.ctx().lstat(p)));
                } catch (AgentOsException e) {
                    fail(inv, "cannot access", p, e);
                    status = Math.max(status, 1);
                }
            }
            sort(entries);
            print(entries, true);
            if (o.recursive) {
                for (Entry e : entries) {
                    if (e.st.isDirectory() && !e.name.equals(".") && !e.name.equals("..")) listDir(e.path, true, false);
                }
            }
        }

        private void sort(List<Entry> entries) {
            if (o.sort == 'U') return;
            Comparator<Entry> byName = (a, b) -> compareBytes(a.name, b.name);
            Comparator<Entry> c = switch (o.sort) {
                case 't' -> Comparator.<Entry>comparingLong(e -> -e.st.mtimeNanos()).thenComparing(byName);
                case 'S' -> Comparator.<Entry>comparingLong(e -> -e.st.size()).thenComparing(byName);
                default -> byName;
            };
            entries.sort(o.reverse ? c.reversed() : c);
        }

        private void print(List<Entry> entries, boolean total) {
            // on a terminal GNU quotes names that need it, and indents the others by one to keep them aligned
            boolean align = o.tty && o.format != '1' && entries.stream().anyMatch(e -> Quoting.needs(e.name));
            if (o.format == 'l') {
                long blocks = 0;
                for (Entry e : entries) blocks += e.st.blocks();
                if (total) inv.print("total " + (o.human ? HumanSize.human(blocks * 512) : Long.toString((blocks + 1) / 2)) + "\n");
                long nlinkW = 0, userW = 0, groupW = 0, sizeW = 0, inoW = 0;
                majorW = 0;
                minorW = 0;
                for (Entry e : entries) {
                    if (e.st.type() == FileType.CHAR_DEVICE) {
                        majorW = Math.max(majorW, Long.toString(Stat.major(e.st.rdev())).length());
                        minorW = Math.max(minorW, Long.toString(Stat.minor(e.st.rdev())).length());
                    }
                }
                for (Entry e : entries) {
                    nlinkW = Math.max(nlinkW, Integer.toString(e.st.nlink()).length());
                    userW = Math.max(userW, owner(e).length());
                    groupW = Math.max(groupW, group(e).length());
                    sizeW = Math.max(sizeW, size(e).length());
                    inoW = Math.max(inoW, Long.toString(e.st.ino()).length());
                }
                StringBuilder sb = new StringBuilder();
                for (Entry e : entries) {
                    if (o.inode) sb.append(pad(Long.toString(e.st.ino()), inoW, true)).append(' ');
                    sb.append(Modes.string(e.st)).append(' ')
                            .append(pad(Integer.toString(e.st.nlink()), nlinkW, true)).append(' ')
                            .append(pad(owner(e), userW, false)).append(' ')
                            .append(pad(group(e), groupW, false)).append(' ')
                            .append(pad(size(e), sizeW, true)).append(' ')
                            .append(date(e.st.mtimeNanos())).append(' ')
                            .append(align && !Quoting.needs(e.name) ? " " : "").append(paint(name(e.name), e.st, e.st.isSymlink() && e.target == null));
                    if (e.st.isSymlink() && e.link != null) {
                        // with the built-in colors GNU leaves the target uncolored
                        sb.append(" -> ").append(name(e.link));
                        if (o.classify && e.target != null) sb.append(indicator(e.target));
                    } else if (o.classify) {
                        sb.append(indicator(e.st));
                    }
                    sb.append('\n');
                }
                inv.print(sb.toString());
                return;
            }
            List<String> cells = new ArrayList<>();
            for (Entry e : entries) {
                String c = (align && !Quoting.needs(e.name) ? " " : "") + paint(name(e.name), e.st, e.st.isSymlink() && e.target == null)
                        + (o.classify ? indicator(e.st) : "");
                if (o.inode) c = e.st.ino() + " " + c;
                cells.add(c);
            }
            if (o.format == '1') {
                StringBuilder sb = new StringBuilder();
                for (String c : cells) sb.append(c).append('\n');
                inv.print(sb.toString());
            } else {
                inv.print(Columns.vertical(cells, o.width, o.width != Integer.MAX_VALUE && !o.color));
            }
        }

        private String owner(Entry e) { return o.numeric ? Integer.toString(e.st.uid()) : acc.user(e.st.uid()); }
        private String group(Entry e) { return o.numeric ? Integer.toString(e.st.gid()) : acc.group(e.st.gid()); }
        private long majorW, minorW;

        /** The size column; "major, minor" for a device, as GNU lines them up. */
        private String size(Entry e) {
            if (e.st.type() == FileType.CHAR_DEVICE) {
                return pad(Long.toString(Stat.major(e.st.rdev())), majorW, true) + ", " + pad(Long.toString(Stat.minor(e.st.rdev())), minorW, true);
            }
            return o.human ? HumanSize.human(e.st.size()) : Long.toString(e.st.size());
        }

        private String name(String n) { return o.tty ? Quoting.ifNeeded(n) : n; }

        private boolean colored;

        /** A name in GNU's default colors (no LS_COLORS): "\e[0m" once before the first, "\e[0m" after each. */
        private String paint(String shown, FileStat st, boolean orphan) {
            if (!o.color) return shown;
            String code = orphan ? "01;36" : colorOf(st);
            if (code == null) return shown;
            String lead = colored ? "" : "\u001b[0m";
            colored = true;
            return lead + "\u001b[" + code + "m" + shown + "\u001b[0m";
        }

        private static String colorOf(FileStat st) {
            int m = st.mode();
            return switch (st.type()) {
                case DIRECTORY -> (m & 01002) == 01002 ? "30;42" : (m & 02) != 0 ? "34;42" : (m & 01000) != 0 ? "37;44" : "01;34";
                case SYMLINK -> "01;36";
                case FIFO -> "40;33";
                case SOCKET -> "01;35";
                case CHAR_DEVICE -> "40;33;01";
                case REGULAR -> (m & 04000) != 0 ? "37;41" : (m & 02000) != 0 ? "30;43" : (m & 0111) != 0 ? "01;32" : null;
            };
        }

        private String date(long nanos) {
            return ListingDate.format(nanos, now, zone);
        }

        private static String indicator(FileStat st) {
            return switch (st.type()) {
                case DIRECTORY -> "/";
                case SYMLINK -> "@";
                case FIFO -> "|";
                case SOCKET -> "=";
                case REGULAR -> (st.mode() & 0111) != 0 ? "*" : "";
                case CHAR_DEVICE -> "";
            };
        }
    }

    static String pad(String s, long width, boolean right) {
        if (s.length() >= width) return s;
        String spaces = " ".repeat((int) (width - s.length()));
        return right ? spaces + s : s + spaces;
    }

    /** strcmp order: the C locale's. */
    static int compareBytes(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8), y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }

    static boolean isDir(FileStat st) { return st.type() == FileType.DIRECTORY; }
}
