package dev.agentos.commands.awk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** awk's built-in functions, gawk's extensions included. */
final class Builtins {
    private Builtins() {}

    static Val call(Interp rt, Expr.Builtin b) {
        List<Expr> a = b.args();
        int n = a.size();
        switch (b.name()) {
            case "length": {
                if (n == 0) return Val.num(rt.record().length());
                if (a.get(0) instanceof Expr.Name nm) {
                    Object o = nm instanceof Expr.Local l ? rt.frame[l.slot()] : rt.globals[((Expr.Global) nm).slot()];
                    if (o instanceof AwkArray arr) return Val.num(arr.size());
                }
                return Val.num(a.get(0).str(rt).length());
            }
            case "substr": return Val.str(substr(a.get(0).str(rt), a.get(1).num(rt), n > 2 ? a.get(2).num(rt) : Double.POSITIVE_INFINITY));
            case "index": {
                String s = a.get(0).str(rt), t = a.get(1).str(rt);
                if (rt.ignoreCase) {
                    s = ascii(s, false);
                    t = ascii(t, false);
                }
                return Val.num(s.indexOf(t) + 1);
            }
            case "split": {
                String s = a.get(0).str(rt);
                AwkArray arr = rt.array((Expr.Name) a.get(1));
                FieldSplitter sp;
                if (n < 3) sp = rt.currentSplitter();
                else if (a.get(2) instanceof Expr.Regex r) sp = new FieldSplitter.ByRegex(r.pattern(rt.ignoreCase));
                else sp = rt.splitterFor(a.get(2).str(rt));
                AwkArray seps = n > 3 ? rt.array((Expr.Name) a.get(3)) : null;
                return Val.num(rt.splitInto(s, sp, arr, seps));
            }
            case "sub":
            case "gsub": {
                Pattern p = rt.pattern(a.get(0));
                String repl = a.get(1).str(rt);
                Expr.LValue target = n > 2 ? (a.get(2) instanceof Expr.LValue lv ? lv : null) : new Expr.Field(new Expr.Num(Val.ZERO));
                String s = n > 2 ? a.get(2).str(rt) : rt.record();
                int[] count = new int[1];
                String r = substitute(p, repl, s, b.name().equals("gsub") ? -1 : 1, count, false);
                if (count[0] > 0 && target != null) target.set(rt, Val.str(r));
                return Val.num(count[0]);
            }
            case "gensub": {
                Pattern p = rt.pattern(a.get(0));
                String repl = a.get(1).str(rt);
                Val how = a.get(2).eval(rt);
                String s = n > 3 ? a.get(3).str(rt) : rt.record();
                String hs = rt.toStr(how);
                int which;
                if (!hs.isEmpty() && (hs.charAt(0) == 'g' || hs.charAt(0) == 'G')) which = -1;
                else which = Math.max(1, (int) rt.toNum(how));
                return Val.str(substitute(p, repl, s, which, new int[1], true));
            }
            case "match": {
                String s = a.get(0).str(rt);
                Matcher m = rt.pattern(a.get(1)).matcher(s);
                AwkArray arr = n > 2 ? rt.array((Expr.Name) a.get(2)) : null;
                if (arr != null) arr.clear();
                int start = 0, len = -1;
                if (m.find()) {
                    start = m.start() + 1;
                    len = (arr == null ? AwkRegex.longestEnd(m, s) : m.end()) - m.start();
                    if (arr != null) {
                        for (int g = 0; g <= m.groupCount(); g++) {
                            if (m.group(g) == null) continue;
                            arr.put(Integer.toString(g), Val.strnum(m.group(g)));
                            arr.put(g + rt.subsep + "start", Val.num(m.start(g) + 1));
                            arr.put(g + rt.subsep + "length", Val.num(m.end(g) - m.start(g)));
                        }
                    }
                }
                rt.globals[Interp.RSTART] = Val.num(start);
                rt.globals[Interp.RLENGTH] = Val.num(len);
                return Val.num(start);
            }
            case "sprintf": {
                if (n == 0) throw new AwkFatal("sprintf: no arguments");
                return Val.str(Format.sprintf(rt, a.get(0).str(rt), values(rt, a.subList(1, n))));
            }
            case "tolower": return Val.str(ascii(a.get(0).str(rt), false));
            case "toupper": return Val.str(ascii(a.get(0).str(rt), true));
            case "int": {
                double d = a.get(0).num(rt);
                return Val.num(d < 0 ? Math.ceil(d) : Math.floor(d));
            }
            case "sqrt": {
                double d = a.get(0).num(rt);
                if (d < 0) rt.io.warnAt("sqrt: received negative argument " + rt.numToStr(d, "%.6g"));
                return Val.num(Math.sqrt(d));
            }
            case "exp": return Val.num(Math.exp(a.get(0).num(rt)));
            case "log": {
                double d = a.get(0).num(rt);
                if (d < 0) rt.io.warnAt("log: received negative argument " + rt.numToStr(d, "%.6g"));
                return Val.num(Math.log(d));
            }
            case "sin": return Val.num(Math.sin(a.get(0).num(rt)));
            case "cos": return Val.num(Math.cos(a.get(0).num(rt)));
            case "atan2": return Val.num(Math.atan2(a.get(0).num(rt), a.get(1).num(rt)));
            case "rand": return Val.num(rt.random.rand());
            case "srand": return Val.num(rt.random.srand(n > 0 ? a.get(0).num(rt) : rt.io.now()));
            case "system": return Val.num(rt.io.system(a.get(0).str(rt)));
            case "close": return Val.num(rt.io.close(a.get(0).str(rt)));
            case "fflush": return Val.num(rt.io.fflush(n == 0 ? null : a.get(0).str(rt)));
            case "systime": return Val.num(rt.io.now());
            case "strftime": {
                String fmt = n > 0 ? a.get(0).str(rt) : "%a %b %e %H:%M:%S %Z %Y";
                long t = n > 1 ? (long) a.get(1).num(rt) : rt.io.now();
                boolean utc = n > 2 && a.get(2).bool(rt);
                return Val.str(Time.strftime(fmt, t, utc ? "UTC" : rt.io.tz()));
            }
            case "mktime": return Val.num(Time.mktime(a.get(0).str(rt), rt.io.tz()));
            case "asort":
            case "asorti": {
                AwkArray src = rt.array((Expr.Name) a.get(0));
                AwkArray dst = n > 1 ? rt.array((Expr.Name) a.get(1)) : src;
                List<Val> items = new ArrayList<>();
                if (n > 2) {
                    List<String> keys = new ArrayList<>(src.map.keySet());
                    ArraySort.sortKeys(rt, src, keys, a.get(2).str(rt));
                    for (String k : keys) items.add(b.name().equals("asorti") ? Val.str(k) : src.map.get(k));
                } else if (b.name().equals("asorti")) {
                    for (String k : src.map.keySet()) items.add(Val.str(k));
                    items.sort((x, y) -> x.str.compareTo(y.str));
                } else {
                    items.addAll(src.map.values());
                    items.sort((x, y) -> ArraySort.cmpType(rt, x, y, "", ""));
                }
                dst.clear();
                for (int i = 0; i < items.size(); i++) dst.put(Integer.toString(i + 1), items.get(i));
                return Val.num(items.size());
            }
            case "and": return Val.num((long) a.get(0).num(rt) & (long) a.get(1).num(rt));
            case "or": return Val.num((long) a.get(0).num(rt) | (long) a.get(1).num(rt));
            case "xor": return Val.num((long) a.get(0).num(rt) ^ (long) a.get(1).num(rt));
            case "lshift": return Val.num((long) a.get(0).num(rt) << (long) a.get(1).num(rt));
            case "rshift": return Val.num((long) a.get(0).num(rt) >>> (long) a.get(1).num(rt));
            case "compl": return Val.num(~(long) a.get(0).num(rt) & ((1L << 53) - 1));
            case "strtonum": {
                Val v = a.get(0).eval(rt);
                if (v.kind == Val.NUM) return v;
                String s = rt.toStr(v).trim();
                try {
                    if (s.startsWith("0x") || s.startsWith("0X")) return Val.num(Long.parseLong(s.substring(2), 16));
                    if (s.length() > 1 && s.startsWith("0") && s.chars().allMatch(Character::isDigit)) return Val.num(Long.parseLong(s, 8));
                } catch (NumberFormatException e) {
                    return Val.ZERO;
                }
                return Val.num(Numbers.parse(s));
            }
            case "isarray": {
                if (a.get(0) instanceof Expr.Name nm) {
                    Object o = nm instanceof Expr.Local l ? rt.frame[l.slot()] : rt.globals[((Expr.Global) nm).slot()];
                    return Val.bool(o instanceof AwkArray);
                }
                return Val.ZERO;
            }
            case "typeof": {
                if (a.get(0) instanceof Expr.Name nm) {
                    Object o = nm instanceof Expr.Local l ? rt.frame[l.slot()] : rt.globals[((Expr.Global) nm).slot()];
                    if (o instanceof AwkArray) return Val.str("array");
                }
                Val v = a.get(0).eval(rt);
                return Val.str(switch (v.kind) {
                    case Val.NUM -> "number";
                    case Val.STR -> "string";
                    case Val.STRNUM -> v.numeric ? "strnum" : "string";
                    default -> "untyped";
                });
            }
            default: throw new AwkFatal("function `" + b.name() + "' not supported");
        }
    }

    static Val[] values(Interp rt, List<Expr> args) {
        Val[] v = new Val[args.size()];
        for (int i = 0; i < v.length; i++) v[i] = args.get(i).eval(rt);
        return v;
    }

    static String substr(String s, double m, double len) {
        if (Double.isNaN(m)) return "";
        double start = truncate(m);
        double length = Double.isInfinite(len) ? len : truncate(len);
        if (Double.isNaN(length)) return "";
        if (start < 1) start = 1;
        if (length <= 0 || start > s.length()) return "";
        double end = Math.min(s.length(), start - 1 + length);
        return s.substring((int) start - 1, (int) end);
    }

    private static double truncate(double d) { return d < 0 ? Math.ceil(d) : Math.floor(d); }

    static String ascii(String s, boolean upper) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (upper && c[i] >= 'a' && c[i] <= 'z') c[i] -= 32;
            else if (!upper && c[i] >= 'A' && c[i] <= 'Z') c[i] += 32;
        }
        return new String(c);
    }

    /** gawk's sub/gsub rules: backslashes before '&' pair up; elsewhere they are literal. */
    private static void appendSubReplacement(StringBuilder out, String repl, String matched) {
        int n = repl.length();
        for (int i = 0; i < n; i++) {
            char c = repl.charAt(i);
            if (c == '\\') {
                int j = i;
                while (j < n && repl.charAt(j) == '\\') j++;
                int run = j - i;
                if (j < n && repl.charAt(j) == '&') {
                    out.append("\\".repeat(run / 2));
                    if (run % 2 == 1) out.append('&');
                    else out.append(matched);
                    i = j;
                } else {
                    out.append(repl, i, j);
                    i = j - 1;
                }
            } else if (c == '&') {
                out.append(matched);
            } else {
                out.append(c);
            }
        }
    }

    /** sub/gsub (which = 1 or -1 for all) and gensub (groups allowed; which = n-th match or -1). */
    static String substitute(Pattern p, String repl, String s, int which, int[] count, boolean gensub) {
        Matcher m = p.matcher(s);
        StringBuilder out = new StringBuilder();
        int pos = 0, lastEnd = -1, seen = 0;
        int len = s.length();
        while (pos <= len) {
            if (!m.find(pos)) break;
            int st = m.start(), en = gensub ? m.end() : AwkRegex.longestEnd(m, s);
            if (st == en && st == lastEnd) {
                if (st < len) out.append(s.charAt(st));
                pos = st + 1;
                continue;
            }
            seen++;
            out.append(s, pos, st);
            boolean replace = gensub ? (which < 0 || seen == which) : true;
            if (replace) {
                if (gensub) appendReplacement(out, repl, m, true);
                else appendSubReplacement(out, repl, s.substring(st, en));
                count[0]++;
            } else {
                out.append(s, st, en);
            }
            lastEnd = en;
            if (st == en) {
                if (st < len) out.append(s.charAt(st));
                pos = st + 1;
            } else {
                pos = en;
            }
            if (!gensub && which == 1) break;
            if (gensub && which > 0 && seen >= which) break;
        }
        if (pos <= len) out.append(s, pos, len);
        return out.toString();
    }

    private static void appendReplacement(StringBuilder out, String repl, Matcher m, boolean gensub) {
        for (int i = 0; i < repl.length(); i++) {
            char c = repl.charAt(i);
            if (c == '\\' && i + 1 < repl.length()) {
                char d = repl.charAt(i + 1);
                if (d == '&') {
                    out.append('&');
                    i++;
                } else if (d == '\\') {
                    out.append('\\');
                    i++;
                } else if (gensub && d >= '0' && d <= '9') {
                    int g = d - '0';
                    if (g <= m.groupCount() && m.group(g) != null) out.append(m.group(g));
                    i++;
                } else {
                    out.append(c);
                }
            } else if (c == '&') {
                out.append(m.group());
            } else {
                out.append(c);
            }
        }
    }
}
