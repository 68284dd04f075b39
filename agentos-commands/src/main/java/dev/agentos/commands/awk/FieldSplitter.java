package dev.agentos.commands.awk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a record into fields by FS: default blanks, one literal character, a regex, or every character. */
abstract class FieldSplitter {
    interface Sink { int add(int index, String field); }

    int split(String s, Sink sink, int unused) { return split(s, sink, unused, null); }

    /** Calls sink for fields 1..n and returns n; separators go to {@code seps} when given. */
    abstract int split(String s, Sink sink, int unused, AwkArray seps);

    static FieldSplitter of(String fs, boolean paragraph, boolean ignoreCase) {
        if (fs.equals(" ")) return new Blanks();
        if (fs.isEmpty()) return new Chars();
        if (fs.length() == 1 && fs.charAt(0) != '\\') {
            char c = fs.charAt(0);
            if (paragraph) return new ByRegex(Pattern.compile("[" + (c == '\t' ? "\\t" : Pattern.quote(String.valueOf(c))) + "\n]"));
            return new ByChar(c);
        }
        Pattern p = AwkRegex.compile(fs, ignoreCase);
        if (paragraph) p = Pattern.compile("(?:" + p.pattern() + ")|\n", p.flags());
        return new ByRegex(p);
    }

    private static void sep(AwkArray seps, int i, String s) {
        if (seps != null) seps.put(Integer.toString(i), Val.strnum(s));
    }

    static final class Blanks extends FieldSplitter {
        int split(String s, Sink sink, int unused, AwkArray seps) {
            int n = s.length(), i = 0, count = 0;
            int lead = 0;
            while (i < n) {
                int start = i;
                while (i < n && isBlank(s.charAt(i))) i++;
                if (start < i) {
                    if (count == 0) sep(seps, 0, s.substring(start, i));
                    else sep(seps, count, s.substring(start, i));
                }
                if (i >= n) break;
                int fstart = i;
                while (i < n && !isBlank(s.charAt(i))) i++;
                sink.add(++count, s.substring(fstart, i));
            }
            return count + lead;
        }

        private static boolean isBlank(char c) { return c == ' ' || c == '\t' || c == '\n'; }
    }

    static final class ByChar extends FieldSplitter {
        private final char c;

        ByChar(char c) { this.c = c; }

        int split(String s, Sink sink, int unused, AwkArray seps) {
            if (s.isEmpty()) return 0;
            int count = 0, start = 0;
            while (true) {
                int i = s.indexOf(c, start);
                if (i < 0) {
                    sink.add(++count, s.substring(start));
                    return count;
                }
                sink.add(++count, s.substring(start, i));
                sep(seps, count, String.valueOf(c));
                start = i + 1;
            }
        }
    }

    static final class ByRegex extends FieldSplitter {
        private final Pattern p;

        ByRegex(Pattern p) { this.p = p; }

        int split(String s, Sink sink, int unused, AwkArray seps) {
            if (s.isEmpty()) return 0;
            Matcher m = p.matcher(s);
            int count = 0, start = 0;
            while (start <= s.length() && m.find(start)) {
                if (m.end() == m.start()) {
                    // an empty match separates nothing; move on
                    if (m.end() >= s.length()) break;
                    int next = m.start() + 1;
                    if (!m.find(next)) break;
                    if (m.end() == m.start()) { start = next; continue; }
                }
                int end = AwkRegex.longestEnd(m, s);
                sink.add(++count, s.substring(start, m.start()));
                sep(seps, count, s.substring(m.start(), end));
                start = end;
            }
            sink.add(++count, s.substring(start));
            return count;
        }
    }

    /** gawk's FPAT: fields are the successive matches of a regex. */
    static final class ByPattern extends FieldSplitter {
        private final Pattern p;

        ByPattern(Pattern p) { this.p = p; }

        int split(String s, Sink sink, int unused, AwkArray seps) {
            Matcher m = p.matcher(s);
            int count = 0, pos = 0, lastEnd = -1;
            while (pos <= s.length() && m.find(pos)) {
                if (m.start() == m.end() && m.start() == lastEnd) {
                    pos = m.start() + 1;
                    continue;
                }
                int end = AwkRegex.longestEnd(m, s);
                sink.add(++count, s.substring(m.start(), end));
                lastEnd = end;
                pos = end > m.start() ? end : end + 1;
            }
            return count;
        }
    }

    /** gawk's FIELDWIDTHS: fixed-width fields, "*" taking the rest. */
    static final class Widths extends FieldSplitter {
        private final int[] widths;
        private final boolean rest;

        private Widths(int[] widths, boolean rest) {
            this.widths = widths;
            this.rest = rest;
        }

        static Widths parse(String spec) {
            String[] parts = spec.trim().split("\\s+");
            boolean rest = parts.length > 0 && parts[parts.length - 1].equals("*");
            int n = rest ? parts.length - 1 : parts.length;
            int[] w = new int[n];
            for (int i = 0; i < n; i++) {
                try {
                    w[i] = Integer.parseInt(parts[i].contains(":") ? parts[i].substring(parts[i].indexOf(':') + 1) : parts[i]);
                } catch (NumberFormatException e) {
                    throw new AwkFatal("invalid FIELDWIDTHS value, for field " + (i + 1) + ", near `" + parts[i] + "'");
                }
            }
            return new Widths(w, rest);
        }

        int split(String s, Sink sink, int unused, AwkArray seps) {
            int pos = 0, count = 0;
            for (int w : widths) {
                if (pos >= s.length()) break;
                int end = Math.min(s.length(), pos + w);
                sink.add(++count, s.substring(pos, end));
                pos = end;
            }
            if (rest && pos < s.length()) sink.add(++count, s.substring(pos));
            return count;
        }
    }

    static final class Chars extends FieldSplitter {
        int split(String s, Sink sink, int unused, AwkArray seps) {
            for (int i = 0; i < s.length(); i++) sink.add(i + 1, String.valueOf(s.charAt(i)));
            return s.length();
        }
    }
}
