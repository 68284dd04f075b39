package dev.agentos.commands.search.find;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.vfs.FileStat;
import dev.agentos.kernel.vfs.FileType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** find -printf: GNU's directives (%p %f %s %m %M %t %T@ %Tk %u %g %d %h %l %y %P ...) and escapes. */
final class Printf {
    private final String format;
    private final Find.Walker walker;
    private final ZoneId zone;

    Printf(String format, Find.Walker walker) {
        this.format = format;
        this.walker = walker;
        ZoneId z;
        try {
            z = ZoneId.of(walker.ctx.getenv("TZ").orElse("UTC"));
        } catch (RuntimeException e) {
            z = ZoneId.of("UTC");
        }
        this.zone = z;
    }

    String format(Find.Entry e) {
        StringBuilder out = new StringBuilder();
        String f = format;
        int n = f.length();
        for (int i = 0; i < n; i++) {
            char c = f.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char d = f.charAt(++i);
                switch (d) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'a' -> out.append('\u0007');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'v' -> out.append('\u000B');
                    case '\\' -> out.append('\\');
                    case 'c' -> { return out.toString(); }
                    default -> {
                        if (d >= '0' && d <= '7') {
                            int v = 0;
                            int j = i;
                            while (j < n && j < i + 3 && f.charAt(j) >= '0' && f.charAt(j) <= '7') v = v * 8 + (f.charAt(j++) - '0');
                            out.append((char) v);
                            i = j - 1;
                        } else {
                            out.append('\\').append(d);
                        }
                    }
                }
            } else if (c == '%' && i + 1 < n) {
                int j = i + 1;
                while (j < n && "-+ #0".indexOf(f.charAt(j)) >= 0) j++;
                while (j < n && Character.isDigit(f.charAt(j))) j++;
                if (j < n && f.charAt(j) == '.') {
                    j++;
                    while (j < n && Character.isDigit(f.charAt(j))) j++;
                }
                if (j >= n) {
                    out.append(f, i, n);
                    break;
                }
                String spec = f.substring(i + 1, j);
                char d = f.charAt(j);
                String value;
                if (d == 'T' || d == 'A' || d == 'C') {
                    if (j + 1 >= n) {
                        out.append(f, i, n);
                        break;
                    }
                    char k = f.charAt(++j);
                    long t = d == 'T' ? e.stat.mtimeNanos() : d == 'A' ? e.stat.atimeNanos() : e.stat.ctimeNanos();
                    value = time(t, k);
                } else {
                    value = directive(d, e);
                }
                i = j;
                if (value == null) {
                    out.append('%').append(spec).append(d);
                    continue;
                }
                out.append(pad(spec, value));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String pad(String spec, String value) {
        if (spec.isEmpty()) return value;
        boolean left = spec.contains("-");
        String digits = spec.replaceAll("[-+ #0]", "");
        int dot = digits.indexOf('.');
        if (dot >= 0) {
            int prec = digits.length() > dot + 1 ? Integer.parseInt(digits.substring(dot + 1)) : 0;
            if (value.length() > prec) value = value.substring(0, prec);
            digits = digits.substring(0, dot);
        }
        int width = digits.isEmpty() ? 0 : Integer.parseInt(digits);
        if (value.length() >= width) return value;
        String fill = " ".repeat(width - value.length());
        return left ? value + fill : fill + value;
    }

    private String directive(char d, Find.Entry e) {
        FileStat st = e.stat;
        return switch (d) {
            case '%' -> "%";
            case 'p' -> e.path;
            case 'f' -> e.name;
            case 's' -> Long.toString(st.size());
            case 'm' -> Integer.toOctalString(st.mode() & 07777);
            case 'M' -> symbolic(st);
            case 'u' -> Names.lookupName(walker.ctx, "/etc/passwd", st.uid());
            case 'g' -> Names.lookupName(walker.ctx, "/etc/group", st.gid());
            case 'U' -> Integer.toString(st.uid());
            case 'G' -> Integer.toString(st.gid());
            case 'd' -> Integer.toString(e.depth);
            case 'n' -> Integer.toString(st.nlink());
            case 'i' -> Long.toString(st.ino());
            case 'b' -> Long.toString(st.blocks());
            case 'k' -> Long.toString((st.blocks() + 1) / 2);
            case 'h' -> {
                String p = e.path;
                int slash = p.lastIndexOf('/');
                if (slash < 0) yield ".";
                if (e.depth == 0 && p.endsWith("/") ) yield p.equals("/") ? "" : p.substring(0, p.length() - 1);
                yield p.substring(0, slash);
            }
            case 'H' -> e.start;
            case 'P' -> {
                if (e.depth == 0) yield "";
                String s = e.path.substring(e.start.length());
                yield s.startsWith("/") ? s.substring(1) : s;
            }
            case 'l' -> {
                if (!st.isSymlink()) yield "";
                try {
                    yield walker.ctx.readlink(e.path);
                } catch (AgentOsException ex) {
                    yield "";
                }
            }
            case 'y' -> typeChar(st.type());
            case 'Y' -> {
                if (!st.isSymlink()) yield typeChar(st.type());
                try {
                    yield typeChar(walker.ctx.stat(e.path).type());
                } catch (AgentOsException ex) {
                    yield ex.is(dev.agentos.kernel.Errno.ELOOP) ? "L" : "N";
                }
            }
            case 't' -> time(st.mtimeNanos(), '+').replace('+', ' ');
            case 'a' -> time(st.atimeNanos(), '+').replace('+', ' ');
            case 'c' -> time(st.ctimeNanos(), '+').replace('+', ' ');
            default -> null;
        };
    }

    static String typeChar(FileType t) {
        return switch (t) {
            case REGULAR -> "f";
            case DIRECTORY -> "d";
            case SYMLINK -> "l";
            case FIFO -> "p";
            case SOCKET -> "s";
            case CHAR_DEVICE -> "c";
            default -> String.valueOf(t.letter());
        };
    }

    static String symbolic(FileStat st) {
        int m = st.mode();
        char type = switch (st.type()) {
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case FIFO -> 'p';
            case SOCKET -> 's';
            case CHAR_DEVICE -> 'c';
            default -> '-';
        };
        StringBuilder sb = new StringBuilder().append(type);
        String rwx = "rwxrwxrwx";
        for (int b = 0; b < 9; b++) sb.append((m & (0400 >> b)) != 0 ? rwx.charAt(b) : '-');
        if ((m & 04000) != 0) sb.setCharAt(3, sb.charAt(3) == 'x' ? 's' : 'S');
        if ((m & 02000) != 0) sb.setCharAt(6, sb.charAt(6) == 'x' ? 's' : 'S');
        if ((m & 01000) != 0) sb.setCharAt(9, sb.charAt(9) == 'x' ? 't' : 'T');
        return sb.toString();
    }

    private String time(long nanos, char k) {
        long secs = Math.floorDiv(nanos, 1_000_000_000L);
        long frac = Math.floorMod(nanos, 1_000_000_000L);
        String fraction = String.format("%09d0", frac);
        if (k == '@') return secs + "." + fraction;
        ZonedDateTime t = Instant.ofEpochSecond(secs).atZone(zone);
        return switch (k) {
            case '+' -> t.format(DateTimeFormatter.ofPattern("EEE MMM", Locale.ROOT)) + " "
                    + String.format("%2d", t.getDayOfMonth()) + " " + t.format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT))
                    + "." + fraction + " " + t.getYear();
            case 'Y' -> String.format("%04d", t.getYear());
            case 'm' -> String.format("%02d", t.getMonthValue());
            case 'd' -> String.format("%02d", t.getDayOfMonth());
            case 'H' -> String.format("%02d", t.getHour());
            case 'M' -> String.format("%02d", t.getMinute());
            case 'S' -> String.format("%02d", t.getSecond()) + "." + fraction;
            case 'T' -> t.format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)) + "." + fraction;
            case 'D' -> t.format(DateTimeFormatter.ofPattern("MM/dd/yy", Locale.ROOT));
            case 'F' -> t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT));
            case 'c' -> t.format(DateTimeFormatter.ofPattern("EEE MMM", Locale.ROOT)) + " "
                    + String.format("%2d", t.getDayOfMonth()) + " " + t.format(DateTimeFormatter.ofPattern("HH:mm:ss yyyy", Locale.ROOT));
            case 'y' -> String.format("%02d", t.getYear() % 100);
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'a' -> t.format(DateTimeFormatter.ofPattern("EEE", Locale.ROOT));
            case 'b', 'h' -> t.format(DateTimeFormatter.ofPattern("MMM", Locale.ROOT));
            case 'A' -> t.format(DateTimeFormatter.ofPattern("EEEE", Locale.ROOT));
            case 'B' -> t.format(DateTimeFormatter.ofPattern("MMMM", Locale.ROOT));
            case 'e' -> String.format("%2d", t.getDayOfMonth());
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'r' -> t.format(DateTimeFormatter.ofPattern("hh:mm:ss a", Locale.ROOT));
            case 's' -> Long.toString(secs);
            case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
            case 'w' -> Integer.toString(t.getDayOfWeek().getValue() % 7);
            case 'Z' -> t.format(DateTimeFormatter.ofPattern("zzz", Locale.ROOT));
            case 'z' -> t.format(DateTimeFormatter.ofPattern("xx", Locale.ROOT));
            default -> String.valueOf(k);
        };
    }
}
