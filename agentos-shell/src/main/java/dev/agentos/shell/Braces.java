package dev.agentos.shell;

import dev.agentos.shell.Ast.Lit;
import dev.agentos.shell.Ast.Part;
import dev.agentos.shell.Ast.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Brace expansion ({a,b}, {1..10..2}, {a..e}): purely textual, so done once at parse time. */
final class Braces {
    private static final Pattern SEQ = Pattern.compile("(-?\\d+|[a-zA-Z])\\.\\.(-?\\d+|[a-zA-Z])(?:\\.\\.(-?\\d+))?");

    private Braces() {}

    static List<Word> expand(Word w) {
        boolean open = false, close = false;
        for (Part p : w.parts()) {
            if (p instanceof Lit l) {
                if (l.text().indexOf('{') >= 0) open = true;
                if (open && l.text().indexOf('}') >= 0) close = true;
            }
        }
        if (!close) return List.of(w);
        List<Object> items = new ArrayList<>();
        for (Part p : w.parts()) {
            if (p instanceof Lit l) for (char c : l.text().toCharArray()) items.add(c);
            else items.add(p);
        }
        List<List<Object>> out = expandItems(items);
        if (out.size() == 1) return List.of(w);
        List<Word> words = new ArrayList<>(out.size());
        for (List<Object> o : out) words.add(toWord(o));
        return words;
    }

    private static Word toWord(List<Object> items) {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder(), raw = new StringBuilder();
        for (Object o : items) {
            if (o instanceof Character c) { lit.append(c); raw.append(c); }
            else {
                if (!lit.isEmpty()) { parts.add(new Lit(lit.toString())); lit.setLength(0); }
                parts.add((Part) o);
                raw.append('\u0001');
            }
        }
        if (!lit.isEmpty()) parts.add(new Lit(lit.toString()));
        return new Word(parts, raw.toString());
    }

    private static boolean is(Object o, char c) { return o instanceof Character ch && ch == c; }

    private static List<List<Object>> expandItems(List<Object> items) {
        for (int i = 0; i < items.size(); i++) {
            if (!is(items.get(i), '{')) continue;
            int level = 0;
            List<Integer> commas = new ArrayList<>();
            int close = -1;
            for (int j = i; j < items.size(); j++) {
                Object o = items.get(j);
                if (is(o, '{')) level++;
                else if (is(o, '}')) { if (--level == 0) { close = j; break; } }
                else if (is(o, ',') && level == 1) commas.add(j);
            }
            if (close < 0) return List.of(items);
            List<Object> prefix = items.subList(0, i);
            List<Object> suffix = items.subList(close + 1, items.size());
            List<List<Object>> alts = new ArrayList<>();
            if (!commas.isEmpty()) {
                int s = i + 1;
                for (int cIdx : commas) { alts.addAll(expandItems(new ArrayList<>(items.subList(s, cIdx)))); s = cIdx + 1; }
                alts.addAll(expandItems(new ArrayList<>(items.subList(s, close))));
            } else {
                StringBuilder inner = new StringBuilder();
                boolean plain = true;
                for (Object o : items.subList(i + 1, close)) { if (o instanceof Character c) inner.append(c); else plain = false; }
                List<String> seq = plain ? sequence(inner.toString()) : null;
                if (seq == null) continue;
                for (String s : seq) {
                    List<Object> l = new ArrayList<>();
                    for (char c : s.toCharArray()) l.add(c);
                    alts.add(l);
                }
            }
            List<List<Object>> suffixes = expandItems(new ArrayList<>(suffix));
            List<List<Object>> out = new ArrayList<>();
            for (List<Object> a : alts) {
                for (List<Object> s : suffixes) {
                    List<Object> r = new ArrayList<>(prefix.size() + a.size() + s.size());
                    r.addAll(prefix);
                    r.addAll(a);
                    r.addAll(s);
                    out.add(r);
                }
            }
            return out;
        }
        return List.of(items);
    }

    private static List<String> sequence(String s) {
        Matcher m = SEQ.matcher(s);
        if (!m.matches()) return null;
        String a = m.group(1), b = m.group(2);
        long step = m.group(3) == null ? 1 : Math.abs(Long.parseLong(m.group(3)));
        if (step == 0) step = 1;
        List<String> out = new ArrayList<>();
        boolean aNum = Character.isDigit(a.charAt(a.length() - 1)), bNum = Character.isDigit(b.charAt(b.length() - 1));
        if (aNum != bNum) return null;
        if (aNum) {
            long x = Long.parseLong(a), y = Long.parseLong(b);
            int width = 0;
            if ((a.startsWith("0") || a.startsWith("-0")) && a.length() > 1 || (b.startsWith("0") || b.startsWith("-0")) && b.length() > 1) {
                width = Math.max(a.length(), b.length());
            }
            if (x <= y) for (long v = x; v <= y; v += step) out.add(pad(v, width));
            else for (long v = x; v >= y; v -= step) out.add(pad(v, width));
        } else {
            char x = a.charAt(0), y = b.charAt(0);
            if (x <= y) for (int v = x; v <= y; v += step) out.add(String.valueOf((char) v));
            else for (int v = x; v >= y; v -= step) out.add(String.valueOf((char) v));
        }
        return out;
    }

    private static String pad(long v, int width) {
        String s = Long.toString(Math.abs(v));
        int w = v < 0 ? width - 1 : width;
        while (s.length() < w) s = "0" + s;
        return v < 0 ? "-" + s : s;
    }
}
