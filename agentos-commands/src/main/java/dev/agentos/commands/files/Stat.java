package dev.agentos.commands.files;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.Invocation;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** stat: file status in GNU's default layout, -c/--format, --printf, -t and -L. */
final class Stat extends FileCommand {
    private static final String DEFAULT = "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
            + "Device: %Hd,%Ld\tInode: %-10i  Links: %h\n"
            + "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
            + "Access: %x\nModify: %y\nChange: %z\n Birth: %w\n";
    private static final String DEVICE = "Device: %Hd,%Ld\tInode: %-10i  Links: %-5h Device type: %Hr,%Lr\n";
    private static final String TERSE = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US);
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx", Locale.US);

    Stat() { super("stat", "[OPTION]... FILE..."); }

    @Override protected Getopt options() {
        return Getopt.create().flag('L', "dereference", "L").withArg('c', "format", "c").withArg((char) 0, "printf", "printf")
                .flag('t', "terse", "t").flag('f', "file-system", "f");
    }

    @Override protected int execute(Invocation inv) {
        if (inv.operands().isEmpty()) return usageError(inv, "missing operand");
        Optional<String> c = inv.options().last("c");
        Optional<String> pf = inv.options().last("printf");
        ZoneId zone = DateParsing.zone(inv.ctx().getenv("TZ").orElse("UTC"));
        if (inv.has("f")) return fileSystems(inv, pf.map(Stat::unescape).or(() -> c));
        Accounts acc = new Accounts(inv.ctx());
        int status = 0;
        for (String f : inv.operands()) {
            FileStat st;
            try {
                st = inv.has("L") ? inv.ctx().stat(f) : inv.ctx().lstat(f);
            } catch (AgentOsException e) {
                fail(inv, "cannot statx", f, e);
                status = 1;
                continue;
            }
            String fmt;
            boolean defaultFormat = false;
            if (pf.isPresent()) fmt = unescape(pf.get());
            else if (c.isPresent()) fmt = c.get();
            else if (inv.has("t")) fmt = TERSE;
            else {
                fmt = st.type() == FileType.CHAR_DEVICE ? DEFAULT.replace("Device: %Hd,%Ld\tInode: %-10i  Links: %h\n", DEVICE) : DEFAULT;
                defaultFormat = true;
            }
            FileStat fst = st;
            boolean dflt = defaultFormat;
            inv.print(format(fmt, (conv, hl) -> directive(inv, conv, hl, f, fst, acc, zone, dflt)) + (c.isPresent() && pf.isEmpty() ? "\n" : ""));
        }
        return status;
    }

    /** stat -f: the status of the file systems holding the operands. */
    private static int fileSystems(Invocation inv, Optional<String> custom) {
        java.util.List<VmMounts.Mount> mounts = VmMounts.read(inv.ctx());
        int status = 0;
        for (String f : inv.operands()) {
            FsStatus fs;
            try {
                fs = new FsStatus(f, inv.ctx().statfs(f), VmMounts.holding(mounts, inv.ctx().realpath(f)).type());
            } catch (AgentOsException e) {
                inv.error("cannot read file system information for " + Quoting.always(f) + ": " + SysFiles.reason(e));
                status = 1;
                continue;
            }
            String fmt = custom.orElse(inv.has("t") ? FsStatus.TERSE : FsStatus.DEFAULT);
            boolean newline = custom.isPresent() && inv.options().last("printf").isEmpty();
            inv.print(format(fmt, (conv, hl) -> fs.directive(conv)) + (newline ? "\n" : ""));
        }
        return status;
    }

    /** The value of one %-directive, or null to print the directive as written. */
    @FunctionalInterface
    interface Directives {
        String value(char conv, char hl);
    }

    private static String format(String fmt, Directives directives) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char ch = fmt.charAt(i);
            if (ch != '%' || i + 1 >= fmt.length()) {
                out.append(ch);
                continue;
            }
            int j = i + 1;
            while (j < fmt.length() && "-+ #0'".indexOf(fmt.charAt(j)) >= 0) j++;
            while (j < fmt.length() && (Character.isDigit(fmt.charAt(j)) || fmt.charAt(j) == '.')) j++;
            String flags = fmt.substring(i + 1, j);
            if (j >= fmt.length()) {
                out.append(fmt, i, j);
                break;
            }
            char conv = fmt.charAt(j);
            if (conv == '%') {
                out.append('%');
                i = j;
                continue;
            }
            char hl = 0;
            if ((conv == 'H' || conv == 'L') && j + 1 < fmt.length() && "dr".indexOf(fmt.charAt(j + 1)) >= 0) {
                hl = conv;
                conv = fmt.charAt(++j);
            }
            String v = directives.value(conv, hl);
            if (v == null) {
                out.append(fmt, i, j + 1);
            } else {
                out.append(pad(v, flags));
            }
            i = j;
        }
        return out.toString();
    }

    private static String pad(String v, String flags) {
        int k = 0;
        while (k < flags.length() && "-+ #0'".indexOf(flags.charAt(k)) >= 0) k++;
        String flagChars = flags.substring(0, k);
        boolean left = flagChars.contains("-");
        boolean zero = flagChars.contains("0");
        String spec = flags.substring(k);
        int width = 0, prec = -1;
        if (!spec.isEmpty()) {
            String[] parts = spec.split("\\.", -1);
            if (!parts[0].isEmpty()) width = Integer.parseInt(parts[0]);
            if (parts.length > 1) prec = parts[1].isEmpty() ? 0 : Integer.parseInt(parts[1]);
        }
        if (prec >= 0 && !v.matches("-?\\d+") && v.length() > prec) v = v.substring(0, prec);
        if (v.length() >= width) return v;
        if (left) return v + " ".repeat(width - v.length());
        if (zero && v.matches("-?\\d+")) return "0".repeat(width - v.length()) + v;
        return " ".repeat(width - v.length()) + v;
    }

    private static String directive(Invocation inv, char conv, char hl, String file, FileStat st, Accounts acc, ZoneId zone, boolean dflt) {
        long dev = hl != 0 || conv != 'r' ? st.dev() : st.rdev();
        if (conv == 'r') dev = st.rdev();
        return switch (conv) {
            case 'n' -> file;
            case 'N' -> {
                String q = dflt ? Quoting.ifNeeded(file) : Quoting.always(file);
                if (st.isSymlink()) {
                    String t;
                    try {
                        t = inv.ctx().readlink(file);
                    } catch (AgentOsException e) {
                        t = "?";
                    }
                    q += " -> " + (dflt ? Quoting.ifNeeded(t) : Quoting.always(t));
                }
                yield q;
            }
            case 's' -> Long.toString(st.size());
            case 'b' -> Long.toString(st.isSymlink() ? 0 : st.blocks());
            case 'B' -> "512";
            case 'o' -> Integer.toString(FileStat.BLOCK_SIZE);
            case 'a' -> Integer.toOctalString(st.mode());
            case 'A' -> Modes.string(st);
            case 'f' -> Integer.toHexString(st.fullMode());
            case 'F' -> Modes.typeName(st);
            case 'u' -> Integer.toString(st.uid());
            case 'U' -> acc.user(st.uid());
            case 'g' -> Integer.toString(st.gid());
            case 'G' -> acc.group(st.gid());
            case 'i' -> Long.toString(st.ino());
            case 'h' -> Integer.toString(st.nlink());
            case 'd' -> hl == 'H' ? Long.toString(major(dev)) : hl == 'L' ? Long.toString(minor(dev)) : Long.toString(st.dev());
            case 'r' -> hl == 'H' ? Long.toString(major(dev)) : hl == 'L' ? Long.toString(minor(dev)) : Long.toString(st.rdev());
            case 'D' -> Long.toHexString(st.dev());
            case 't' -> Long.toHexString(major(st.rdev()));
            case 'T' -> Long.toHexString(minor(st.rdev()));
            case 'm' -> "/";
            case 'x' -> time(st.atimeNanos(), zone);
            case 'y' -> time(st.mtimeNanos(), zone);
            case 'z' -> time(st.ctimeNanos(), zone);
            case 'w' -> st.birthtimeNanos() == 0 ? "-" : time(st.birthtimeNanos(), zone);
            case 'X' -> Long.toString(Math.floorDiv(st.atimeNanos(), 1_000_000_000L));
            case 'Y' -> Long.toString(Math.floorDiv(st.mtimeNanos(), 1_000_000_000L));
            case 'Z' -> Long.toString(Math.floorDiv(st.ctimeNanos(), 1_000_000_000L));
            case 'W' -> Long.toString(Math.floorDiv(st.birthtimeNanos(), 1_000_000_000L));
            default -> "?";
        };
    }

    static long major(long dev) { return (dev >>> 8) & 0xfff | ((dev >>> 32) & ~0xfffL); }

    static long minor(long dev) { return dev & 0xff | ((dev >>> 12) & ~0xffL); }

    static String time(long nanos, ZoneId zone) {
        Instant t = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        var z = t.atZone(zone);
        return TIME.format(z) + String.format(".%09d ", t.getNano()) + OFFSET.format(z);
    }

    /** --printf's backslash escapes. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '\\' -> out.append('\\');
                case 'a' -> out.append('\007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'r' -> out.append('\r');
                case 'v' -> out.append('\013');
                case '"' -> out.append('"');
                default -> out.append('\\').append(n);
            }
        }
        return out.toString();
    }
}
