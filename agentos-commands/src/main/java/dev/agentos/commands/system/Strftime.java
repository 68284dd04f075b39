package dev.agentos.commands.system;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** GNU date's strftime in the C locale: every conversion, the flags - _ 0 ^ #, widths and %:z. */
final class Strftime {
    private Strftime() {}

    static String format(String fmt, ZonedDateTime t, String zoneAbbrev) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 >= fmt.length()) {
                out.append(c);
                continue;
            }
            int start = i;
            char pad = 0;
            boolean upper = false, swap = false;
            i++;
            for (; i < fmt.length(); i++) {
                char f = fmt.charAt(i);
                if (f == '-' || f == '_' || f == '0') pad = f;
                else if (f == '^') upper = true;
                else if (f == '#') swap = true;
                else break;
            }
            int width = -1;
            while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
                width = Math.max(width, 0) * 10 + (fmt.charAt(i) - '0');
                i++;
            }
            int colons = 0;
            while (i < fmt.length() && fmt.charAt(i) == ':') { colons++; i++; }
            while (i < fmt.length() && (fmt.charAt(i) == 'E' || fmt.charAt(i) == 'O')) i++;
            if (i >= fmt.length()) {
                out.append(fmt, start, fmt.length());
                break;
            }
            char conv = fmt.charAt(i);
            if (colons > 0 && conv != 'z') {
                out.append(fmt, start, i + 1);
                continue;
            }
            out.append(convert(conv, t, zoneAbbrev, pad, width, upper, swap, colons, fmt.substring(start, i + 1)));
        }
        return out.toString();
    }

    private static String convert(char conv, ZonedDateTime t, String zone, char pad, int width, boolean upper,
                                  boolean swap, int colons, String literal) {
        return switch (conv) {
            case 'a' -> text(day(t, TextStyle.SHORT), pad, width, upper || swap);
            case 'A' -> text(day(t, TextStyle.FULL), pad, width, upper || swap);
            case 'b', 'h' -> text(month(t, TextStyle.SHORT), pad, width, upper || swap);
            case 'B' -> text(month(t, TextStyle.FULL), pad, width, upper || swap);
            case 'c' -> text(format("%a %b %e %H:%M:%S %Y", t, zone), pad, width, upper);
            case 'C' -> num(Math.floorDiv(t.getYear(), 100), 2, '0', pad, width);
            case 'd' -> num(t.getDayOfMonth(), 2, '0', pad, width);
            case 'D', 'x' -> text(format("%m/%d/%y", t, zone), pad, width, upper);
            case 'e' -> num(t.getDayOfMonth(), 2, '_', pad, width);
            case 'F' -> text(format("%Y-%m-%d", t, zone), pad, width, upper);
            case 'g' -> num(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), 2, '0', pad, width);
            case 'G' -> num(t.get(IsoFields.WEEK_BASED_YEAR), 0, '0', pad, width);
            case 'H' -> num(t.getHour(), 2, '0', pad, width);
            case 'I' -> num(hour12(t), 2, '0', pad, width);
            case 'j' -> num(t.getDayOfYear(), 3, '0', pad, width);
            case 'k' -> num(t.getHour(), 2, '_', pad, width);
            case 'l' -> num(hour12(t), 2, '_', pad, width);
            case 'm' -> num(t.getMonthValue(), 2, '0', pad, width);
            case 'M' -> num(t.getMinute(), 2, '0', pad, width);
            case 'n' -> "\n";
            case 'N' -> nanos(t.getNano(), pad, width);
            case 'p' -> text(t.getHour() < 12 ? "AM" : "PM", pad, width, false, swap);
            case 'P' -> text(t.getHour() < 12 ? "am" : "pm", pad, width, upper);
            case 'q' -> num((t.getMonthValue() - 1) / 3 + 1, 1, '0', pad, width);
            case 'r' -> text(format("%I:%M:%S %p", t, zone), pad, width, upper);
            case 'R' -> text(format("%H:%M", t, zone), pad, width, upper);
            case 's' -> num(t.toEpochSecond(), 1, '0', pad, width);
            case 'S' -> num(t.getSecond(), 2, '0', pad, width);
            case 't' -> "\t";
            case 'T', 'X' -> text(format("%H:%M:%S", t, zone), pad, width, upper);
            case 'u' -> num(t.getDayOfWeek().getValue(), 1, '0', pad, width);
            case 'U' -> num(weekOfYear(t, DayOfWeek.SUNDAY), 2, '0', pad, width);
            case 'V' -> num(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0', pad, width);
            case 'w' -> num(t.getDayOfWeek().getValue() % 7, 1, '0', pad, width);
            case 'W' -> num(weekOfYear(t, DayOfWeek.MONDAY), 2, '0', pad, width);
            case 'y' -> num(Math.floorMod(t.getYear(), 100), 2, '0', pad, width);
            case 'Y' -> num(t.getYear(), 0, '0', pad, width);
            case 'z' -> offset(t.getOffset().getTotalSeconds(), colons, pad, width, literal);
            case 'Z' -> text(zone, pad, width, upper, swap);
            case '%' -> text("%", pad, width, false);
            case '+' -> text(format("%a %b %e %H:%M:%S %Z %Y", t, zone), pad, width, upper);
            default -> literal;
        };
    }

    private static String day(ZonedDateTime t, TextStyle s) { return t.getDayOfWeek().getDisplayName(s, Locale.US); }

    private static String month(ZonedDateTime t, TextStyle s) { return t.getMonth().getDisplayName(s, Locale.US); }

    private static int hour12(ZonedDateTime t) {
        int h = t.getHour() % 12;
        return h == 0 ? 12 : h;
    }

    /** %U and %W: weeks starting on {@code first}; days before the year's first such day are week 0. */
    private static int weekOfYear(ZonedDateTime t, DayOfWeek first) {
        int yday = t.getDayOfYear() - 1;
        int wday = t.getDayOfWeek().getValue() % 7;
        int shift = first == DayOfWeek.SUNDAY ? wday : (wday + 6) % 7;
        return (yday + 7 - shift) / 7;
    }

    private static String text(String s, char pad, int width, boolean upper) { return text(s, pad, width, upper, false); }

    private static String text(String s, char pad, int width, boolean upper, boolean swapCase) {
        if (upper) s = s.toUpperCase(Locale.ROOT);
        else if (swapCase) s = s.chars().anyMatch(Character::isLowerCase) ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
        if (width > s.length() && pad != '-') return (pad == '0' ? "0" : " ").repeat(width - s.length()) + s;
        return s;
    }

    /** A number with its default padding ({@code '0'} or {@code '_'} to {@code natural} digits). */
    private static String num(long v, int natural, char defaultPad, char pad, int width) {
        char p = pad == 0 ? defaultPad : pad;
        int w = width >= 0 ? width : natural;
        String digits = Long.toString(Math.abs(v));
        String sign = v < 0 ? "-" : "";
        if (p == '-' || digits.length() + sign.length() >= w) return sign + digits;
        int fill = w - digits.length() - sign.length();
        return p == '_' ? " ".repeat(fill) + sign + digits : sign + "0".repeat(fill) + digits;
    }

    private static String nanos(int nanos, char pad, int width) {
        String s = String.format(Locale.ROOT, "%09d", nanos);
        if (width > 0 && width < 9) return s.substring(0, width);
        if (width > 9) return (pad == '_' ? " " : "0").repeat(0) + s + "0".repeat(width - 9);
        return s;
    }

    private static String offset(int seconds, int colons, char pad, int width, String literal) {
        char sign = seconds < 0 ? '-' : '+';
        int a = Math.abs(seconds);
        int h = a / 3600, m = a / 60 % 60, s = a % 60;
        String body = switch (colons) {
            case 0 -> String.format(Locale.ROOT, "%02d%02d", h, m);
            case 1 -> String.format(Locale.ROOT, "%02d:%02d", h, m);
            case 2 -> String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, s);
            case 3 -> s != 0 ? String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, s)
                    : m != 0 ? String.format(Locale.ROOT, "%02d:%02d", h, m) : String.format(Locale.ROOT, "%02d", h);
            default -> null;
        };
        if (body == null) return literal;
        String r = sign + body;
        if (width > r.length() && pad != '-') {
            return pad == '_' ? " ".repeat(width - r.length()) + r : sign + "0".repeat(width - r.length()) + body;
        }
        return r;
    }

    static long truncatedSeconds(ZonedDateTime t) { return t.truncatedTo(ChronoUnit.SECONDS).toEpochSecond(); }
}
