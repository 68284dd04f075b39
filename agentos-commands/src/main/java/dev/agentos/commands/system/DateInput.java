package dev.agentos.commands.system;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The common forms of GNU date's {@code -d}: {@code @EPOCH}, ISO 8601 dates and times, {@code MM/DD/YYYY},
 * month names, {@code now}/{@code today}/{@code yesterday}/{@code tomorrow}, and relative items such as
 * {@code +2 hours}, {@code 3 days ago}, {@code next week}.
 */
public final class DateInput {
    private static final Pattern EPOCH = Pattern.compile("\\s*@\\s*([+-]?\\d+(?:[.,]\\d+)?)\\s*");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?");
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2}):?(\\d{2})");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+");
    private static final Pattern TOKEN = Pattern.compile(
            "\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?"
                    + "|[+-]\\d{2}:?\\d{2}(?![\\d])|[+-]\\s*\\d+|\\d+|[a-z]+\\.?|[,]");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

    private DateInput() {}

    /** The instant {@code text} names as nanoseconds since the epoch (touch -d, find -newermt); empty when it is not a date. */
    public static Optional<Long> epochNanos(String text, ZoneId zone, long nowNanos) {
        ZonedDateTime now = Instant.ofEpochSecond(0, nowNanos).atZone(zone);
        // nanoseconds since the epoch end in 2262: later dates saturate rather than wrap into the past
        return parse(text, now).map(t -> {
            long s = t.toEpochSecond();
            if (s >= Long.MAX_VALUE / 1_000_000_000L) return Long.MAX_VALUE;
            if (s <= Long.MIN_VALUE / 1_000_000_000L) return Long.MIN_VALUE;
            return s * 1_000_000_000L + t.getNano();
        });
    }

    /** The instant {@code text} names, relative to {@code now} in {@code zone}; empty when it is not a date. */
    public static Optional<ZonedDateTime> parse(String text, ZonedDateTime now) {
        Matcher e = EPOCH.matcher(text);
        if (e.matches()) {
            BigDecimal secs = new BigDecimal(e.group(1).replace(',', '.'));
            long s = secs.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
            int n = secs.subtract(BigDecimal.valueOf(s)).movePointRight(9).intValue();
            return Optional.of(Instant.ofEpochSecond(s, n).atZone(now.getZone()));
        }
        String in = text.toLowerCase(Locale.ROOT).replace('t', ' ');
        // 'T' between an ISO date and a time; put back the letters of words that contain a t
        in = restoreWords(text.toLowerCase(Locale.ROOT), in);
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(in);
        int pos = 0;
        while (m.find()) {
            if (!in.substring(pos, m.start()).isBlank()) return Optional.empty();
            tokens.add(m.group().replace(" ", ""));
            pos = m.end();
        }
        if (!in.substring(pos).isBlank()) return Optional.empty();
        return new Parser(tokens, now).run();
    }

    private static String restoreWords(String original, String replaced) {
        StringBuilder sb = new StringBuilder(replaced);
        for (int i = 0; i < original.length(); i++) {
            if (original.charAt(i) != 't') continue;
            boolean prevDigit = i > 0 && Character.isDigit(original.charAt(i - 1));
            boolean nextDigit = i + 1 < original.length() && Character.isDigit(original.charAt(i + 1));
            if (!(prevDigit && nextDigit)) sb.setCharAt(i, 't');
        }
        return sb.toString();
    }

    private static final class Parser {
        private final List<String> tokens;
        private final ZonedDateTime now;
        private LocalDate date;
        private LocalTime time;
        private ZoneId zone;
        private long years, months, days, seconds;
        private int i;

        Parser(List<String> tokens, ZonedDateTime now) {
            this.tokens = tokens;
            this.now = now;
        }

        Optional<ZonedDateTime> run() {
            while (i < tokens.size()) {
                if (!item()) return Optional.empty();
            }
            ZoneId z = zone != null ? zone : now.getZone();
            LocalDate d = date != null ? date : now.withZoneSameInstant(z).toLocalDate();
            LocalTime t = time != null ? time : date != null ? LocalTime.MIDNIGHT
                    : now.withZoneSameInstant(z).toLocalTime();
            // GNU adds months to tm_mon and lets mktime carry day overflow into the next month
            long totalMonths = d.getYear() * 12L + d.getMonthValue() - 1 + years * 12 + months;
            LocalDate first = LocalDate.of((int) Math.floorDiv(totalMonths, 12), (int) Math.floorMod(totalMonths, 12) + 1, 1);
            LocalDate shifted = first.plusDays(d.getDayOfMonth() - 1 + days);
            ZonedDateTime result = ZonedDateTime.of(LocalDateTime.of(shifted, t), z).plusSeconds(seconds);
            return Optional.of(result.withZoneSameInstant(now.getZone()));
        }

        private boolean item() {
            String t = tokens.get(i++);
            Matcher m;
            if ((m = ISO_DATE.matcher(t)).matches()) {
                return setDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if ((m = US_DATE.matcher(t)).matches()) {
                int y = m.group(3) == null ? now.getYear() : year(m.group(3));
                return setDate(y, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = TIME.matcher(t)).matches()) return time(m);
            if ((m = OFFSET.matcher(t)).matches() && (time != null || date != null) && zone == null) {
                int secs = Integer.parseInt(m.group(2)) * 3600 + Integer.parseInt(m.group(3)) * 60;
                zone = ZoneOffset.ofTotalSeconds(m.group(1).equals("-") ? -secs : secs);
                return true;
            }
            if (t.equals(",")) return true;
            String w = t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
            switch (w) {
                case "now", "today", "this" -> { return true; }
                case "yesterday" -> { days -= 1; return true; }
                case "tomorrow" -> { days += 1; return true; }
                case "utc", "gmt", "z", "ut" -> { zone = ZoneOffset.UTC; return true; }
                case "ago" -> { return false; }
                case "next", "last" -> {
                    if (i >= tokens.size()) return false;
                    return relative(w.equals("next") ? 1 : -1, tokens.get(i++));
                }
                default -> { }
            }
            if (NUMBER.matcher(t).matches()) return number(t);
            int month = monthIndex(w);
            if (month > 0) return monthName(month);
            if (dayIndex(w) >= 0) return true;
            return relative(1, w);
        }

        private boolean time(Matcher m) {
            int h = Integer.parseInt(m.group(1)), min = Integer.parseInt(m.group(2));
            int s = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            int nanos = m.group(4) == null ? 0 : Integer.parseInt((m.group(4) + "000000000").substring(0, 9));
            if (i < tokens.size() && (tokens.get(i).equals("am") || tokens.get(i).equals("pm"))) {
                if (h < 1 || h > 12) return false;
                h = h % 12 + (tokens.get(i++).equals("pm") ? 12 : 0);
            }
            if (h > 23 || min > 59 || s > 60) return false;
            if (time != null) return false;
            time = LocalTime.of(h, min, Math.min(s, 59), nanos);
            return true;
        }

        private boolean number(String t) {
            String next = i < tokens.size() ? tokens.get(i) : "";
            long n = Long.parseLong(t.replace("+", ""));
            if (next.equals("am") || next.equals("pm")) {
                i++;
                if (n < 1 || n > 12 || time != null) return false;
                time = LocalTime.of((int) (n % 12 + (next.equals("pm") ? 12 : 0)), 0);
                return true;
            }
            if (isUnit(next)) {
                i++;
                return relative(n, next);
            }
            if (!t.startsWith("+") && !t.startsWith("-")) {
                int month = i < tokens.size() ? monthIndex(strip(next)) : 0;
                if (month > 0) {
                    i++;
                    int y = now.getYear();
                    if (i < tokens.size() && tokens.get(i).matches("\\d{2,4}")) y = year(tokens.get(i++));
                    return setDate(y, month, (int) n);
                }
                if (t.length() == 8 && date == null) {
                    return setDate(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)),
                            Integer.parseInt(t.substring(6)));
                }
                if (t.length() == 4 && date != null && time == null) {
                    int h = Integer.parseInt(t.substring(0, 2)), mi = Integer.parseInt(t.substring(2));
                    if (h > 23 || mi > 59) return false;
                    time = LocalTime.of(h, mi);
                    return true;
                }
                if (t.length() == 4 && date != null) {
                    date = date.withYear(Integer.parseInt(t));
                    return true;
                }
            }
            return false;
        }

        private boolean monthName(int month) {
            int y = now.getYear();
            if (i >= tokens.size() || !tokens.get(i).matches("\\d{1,2}")) return false;
            int d = Integer.parseInt(tokens.get(i++));
            if (i < tokens.size() && tokens.get(i).equals(",")) i++;
            if (i < tokens.size() && tokens.get(i).matches("\\d{4}")) y = year(tokens.get(i++));
            return setDate(y, month, d);
        }

        private boolean relative(long n, String unitWord) {
            String unit = strip(unitWord);
            if (unit.endsWith("s") && !unit.equals("s")) unit = unit.substring(0, unit.length() - 1);
            boolean ago = i < tokens.size() && tokens.get(i).equals("ago");
            if (ago) {
                i++;
                n = -n;
            }
            switch (unit) {
                case "year" -> years += n;
                case "month" -> months += n;
                case "fortnight" -> days += 14 * n;
                case "week" -> days += 7 * n;
                case "day" -> days += n;
                case "hour" -> seconds += 3600 * n;
                case "minute", "min" -> seconds += 60 * n;
                case "second", "sec" -> seconds += n;
                default -> { return false; }
            }
            return true;
        }

        private boolean setDate(int y, int m, int d) {
            if (date != null) return false;
            try {
                date = LocalDate.of(y, m, d);
                return true;
            } catch (java.time.DateTimeException e) {
                return false;
            }
        }

        private static boolean isUnit(String w) {
            String u = strip(w);
            if (u.endsWith("s") && !u.equals("s")) u = u.substring(0, u.length() - 1);
            return List.of("year", "month", "fortnight", "week", "day", "hour", "minute", "min", "second", "sec").contains(u);
        }

        private static String strip(String w) { return w.endsWith(".") ? w.substring(0, w.length() - 1) : w; }

        private static int year(String y) {
            int v = Integer.parseInt(y);
            if (y.length() == 2) return v < 69 ? 2000 + v : 1900 + v;
            return v;
        }

        private static int monthIndex(String w) {
            if (w.length() < 3) return 0;
            for (int k = 0; k < MONTHS.size(); k++) {
                String full = java.time.Month.of(k + 1).name().toLowerCase(Locale.ROOT);
                if (w.equals(MONTHS.get(k)) || w.equals(full) || w.equals("sept") && k == 8) return k + 1;
            }
            return 0;
        }

        private static int dayIndex(String w) {
            for (int k = 0; k < DAYS.size(); k++) {
                String full = java.time.DayOfWeek.of(k == 0 ? 7 : k).name().toLowerCase(Locale.ROOT);
                if (w.equals(DAYS.get(k)) || w.equals(full)) return k;
            }
            return -1;
        }
    }
}
