package dev.agentos.commands.text;

import java.util.ArrayList;
import java.util.List;

/** expand/unexpand tab stops (-t "4", "4,8,12", "/8", "+8"), parsed and validated as GNU does. */
final class TabStops {
    private final List<Long> list = new ArrayList<>();
    private long extendSize, incrementSize, tabSize;

    /** Parses every -t and obsolete list, in command-line order. */
    void parseAll(Run r) {
        for (dev.agentos.commands.Getopt.Option o : r.parsed.options()) {
            if (o.key().equals("t") || o.key().equals("obsolete-t")) parse(r, o.value().orElse(""));
        }
    }

    void parse(Run r, String stops) {
        boolean have = false, extend = false, increment = false;
        long value = 0;
        int numStart = 0;
        for (int i = 0; i <= stops.length(); i++) {
            char c = i < stops.length() ? stops.charAt(i) : ',';
            if (c == ',' || c == ' ' || c == '\t') {
                if (have) add(r, value, extend, increment);
                have = false;
                if (i == stops.length()) break;
            } else if (c == '/') {
                if (have) throw r.fail(1, "'/' specifier not at start of number: " + TextIo.quote(stops.substring(i)));
                extend = true;
                increment = false;
            } else if (c == '+') {
                if (have) throw r.fail(1, "'+' specifier not at start of number: " + TextIo.quote(stops.substring(i)));
                increment = true;
                extend = false;
            } else if (c >= '0' && c <= '9') {
                if (!have) {
                    value = 0;
                    have = true;
                    numStart = i;
                }
                if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
                    int end = numStart;
                    while (end < stops.length() && Character.isDigit(stops.charAt(end))) end++;
                    throw r.fail(1, "tab stop is too large " + TextIo.quote(stops.substring(numStart, end)));
                }
                value = value * 10 + (c - '0');
            } else {
                throw r.fail(1, "tab size contains invalid character(s): " + TextIo.quote(stops.substring(i)));
            }
        }
    }

    private void add(Run r, long v, boolean extend, boolean increment) {
        if (extend) {
            if (extendSize != 0) throw r.fail(1, "'/' specifier only allowed with the last value");
            extendSize = v;
        } else if (increment) {
            if (incrementSize != 0) throw r.fail(1, "'+' specifier only allowed with the last value");
            incrementSize = v;
        } else {
            if (extendSize != 0 || incrementSize != 0) throw r.fail(1, (extendSize != 0 ? "'/'" : "'+'") + " specifier only allowed with the last value");
            list.add(v);
        }
    }

    /** GNU's validate_tab_stops and finalize_tab_stops. */
    void finish(Run r) {
        long prev = 0;
        for (long t : list) {
            if (t == 0) throw r.fail(1, "tab size cannot be 0");
            if (t <= prev) throw r.fail(1, "tab sizes must be ascending");
            prev = t;
        }
        if (incrementSize != 0 && extendSize != 0) throw r.fail(1, "'/' specifier is mutually exclusive with '+'");
        if (list.isEmpty()) tabSize = extendSize != 0 ? extendSize : incrementSize != 0 ? incrementSize : 8;
        else if (list.size() == 1 && extendSize == 0 && incrementSize == 0) tabSize = list.get(0);
        else tabSize = 0;
    }

    /** The next stop after column, or -1 past the last explicit one; index[0] walks the list. */
    long next(long column, int[] index) {
        if (tabSize != 0) return column + (tabSize - column % tabSize);
        for (; index[0] < list.size(); index[0]++) {
            long tab = list.get(index[0]);
            if (column < tab) return tab;
        }
        if (extendSize != 0) return column + (extendSize - column % extendSize);
        if (incrementSize != 0) {
            long end = list.get(list.size() - 1);
            return column + (incrementSize - ((column - end) % incrementSize));
        }
        return -1;
    }

    /** Rewrites obsolete "-4" / "-4,8" into a hidden option (unlike -t it does not imply unexpand -a). */
    static List<String> normalize(List<String> args) {
        List<String> out = new ArrayList<>();
        boolean options = true;
        for (String a : args) {
            if (options && a.equals("--")) options = false;
            if (options && a.length() > 1 && a.charAt(0) == '-' && Character.isDigit(a.charAt(1))) out.add("--obsolete-tab-stops=" + a.substring(1));
            else out.add(a);
        }
        return out;
    }
}
