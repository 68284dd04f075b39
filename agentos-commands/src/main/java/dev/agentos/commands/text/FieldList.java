package dev.agentos.commands.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A cut-style list of positions ("1,3-5,7-"), parsed with GNU's set_fields rules and messages. */
final class FieldList {
    /** A closed range of 1-based positions; hi is Long.MAX_VALUE for "to the end". */
    record Range(long lo, long hi) {}

    /** A list error: the message and whether GNU follows it with the Try line. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    final List<Range> ranges;

    private FieldList(List<Range> ranges) {
        this.ranges = ranges;
    }

    static FieldList parse(String s, boolean positions, boolean complement) throws Invalid {
        String numberedFrom1 = positions ? "byte/character positions are numbered from 1" : "fields are numbered from 1";
        List<Range> list = new ArrayList<>();
        long initial = 1, value = 0;
        boolean lhs = false, rhs = false, dash = false;
        int i = 0;
        int numStart = -1;
        boolean inDigits = false;
        while (true) {
            char c = i < s.length() ? s.charAt(i) : 0;
            if (c == '-') {
                inDigits = false;
                if (dash) throw new Invalid(positions ? "invalid byte or character range" : "invalid field range");
                dash = true;
                i++;
                if (lhs && value == 0) throw new Invalid(numberedFrom1);
                initial = lhs ? value : 1;
                value = 0;
            } else if (c == ',' || c == ' ' || c == '\t' || c == 0) {
                inDigits = false;
                if (dash) {
                    dash = false;
                    if (!lhs && !rhs) throw new Invalid("invalid range with no endpoint: -");
                    if (!rhs) list.add(new Range(initial, Long.MAX_VALUE));
                    else {
                        if (value < initial) throw new Invalid("invalid decreasing range");
                        list.add(new Range(initial, value));
                    }
                    value = 0;
                } else {
                    if (value == 0) throw new Invalid(numberedFrom1);
                    list.add(new Range(value, value));
                    value = 0;
                }
                if (c == 0) break;
                i++;
                lhs = false;
                rhs = false;
            } else if (c >= '0' && c <= '9') {
                if (!inDigits || numStart < 0) numStart = i;
                inDigits = true;
                if (dash) rhs = true;
                else lhs = true;
                if (value > (Long.MAX_VALUE - 1 - (c - '0')) / 10) {
                    int end = numStart;
                    while (end < s.length() && Character.isDigit(s.charAt(end))) end++;
                    throw new Invalid((positions ? "byte/character offset " : "field number ") + TextIo.quote(s.substring(numStart, end)) + " is too large");
                }
                value = value * 10 + (c - '0');
                i++;
            } else {
                throw new Invalid((positions ? "invalid byte/character position " : "invalid field value ") + TextIo.quote(s.substring(i)));
            }
        }
        list.sort(Comparator.comparingLong(Range::lo));
        List<Range> merged = new ArrayList<>();
        for (Range r : list) {
            if (!merged.isEmpty() && r.lo <= merged.get(merged.size() - 1).hi) {
                Range last = merged.remove(merged.size() - 1);
                merged.add(new Range(last.lo, Math.max(last.hi, r.hi)));
            } else {
                merged.add(r);
            }
        }
        if (complement) {
            List<Range> comp = new ArrayList<>();
            long next = 1;
            for (Range r : merged) {
                if (r.lo > next) comp.add(new Range(next, r.lo - 1));
                next = r.hi == Long.MAX_VALUE ? Long.MAX_VALUE : r.hi + 1;
            }
            if (next != Long.MAX_VALUE) comp.add(new Range(next, Long.MAX_VALUE));
            merged = comp;
        }
        return new FieldList(merged);
    }

    /** Whether 1-based position k is selected; ranges are sorted, so callers may walk them instead. */
    boolean selected(long k) {
        for (Range r : ranges) {
            if (k < r.lo) return false;
            if (k <= r.hi) return true;
        }
        return false;
    }

    /** Whether k starts one of the ranges (where --output-delimiter goes). */
    boolean rangeStart(long k) {
        for (Range r : ranges) if (r.lo == k) return true;
        return false;
    }
}
