package dev.agentos.commands.awk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The awk machine: variables, the current record and its fields, conversions and comparisons. */
final class Interp {
    static final List<String> SPECIALS = List.of("NF", "NR", "FNR", "FS", "OFS", "ORS", "RS", "SUBSEP", "CONVFMT",
            "OFMT", "RSTART", "RLENGTH", "FILENAME", "IGNORECASE", "RT", "ARGC", "ENVIRON", "ARGV", "PROCINFO", "FPAT", "FIELDWIDTHS");
    static final int NF = 0, NR = 1, FNR = 2, FS = 3, OFS = 4, ORS = 5, RS = 6, SUBSEP = 7, CONVFMT = 8, OFMT = 9,
            RSTART = 10, RLENGTH = 11, FILENAME = 12, IGNORECASE = 13, RT = 14, ARGC = 15, ENVIRON = 16, ARGV = 17,
            PROCINFO = 18, FPAT = 19, FIELDWIDTHS = 20, SCALAR_SPECIALS = 16;

    final Object[] globals;
    final List<String> globalNames;
    Object[] frame = new Object[0];
    Val returnValue = Val.UNINIT_VAL;
    int exitCode;
    /** The source line executing, for error messages. */
    int line = 1;
    final AwkIo io;
    final Random random = new Random();

    // cached special values
    double nr, fnr;
    String fs = " ", ofs = " ", ors = "\n", rs = "\n", subsep = "\034", convfmt = "%.6g", ofmt = "%.6g";
    Pattern rsPattern;
    boolean ignoreCase;
    private FieldSplitter splitter = FieldSplitter.of(" ", false, false);
    /** The FS in force when the record was read: a new FS applies from the next record. */
    private FieldSplitter recordSplitter = splitter;

    // the record
    private String record = "";
    private String[] fields = new String[16];
    private Val[] fieldVals = new Val[16];
    private Val recordVal;
    private int nf;
    private boolean split = true;

    private final Map<String, Pattern> regexCache = new HashMap<>();
    private final Map<String, Pattern> regexCacheFolded = new HashMap<>();
    private int depth;

    final java.util.Map<String, Expr.Function> functions;

    Interp(Stmt.Program program, AwkIo io) {
        this.functions = program.functions();
        this.globalNames = program.globals();
        this.globals = new Object[globalNames.size()];
        this.io = io;
        io.rt = this;
        globals[FS] = Val.str(" ");
        globals[OFS] = Val.str(" ");
        globals[ORS] = Val.str("\n");
        globals[RS] = Val.str("\n");
        globals[SUBSEP] = Val.str("\034");
        globals[CONVFMT] = Val.str("%.6g");
        globals[OFMT] = Val.str("%.6g");
        globals[RSTART] = Val.ZERO;
        globals[RLENGTH] = Val.num(-1);
        globals[FILENAME] = Val.EMPTY;
        globals[IGNORECASE] = Val.ZERO;
        globals[RT] = Val.EMPTY;
        globals[ENVIRON] = new AwkArray();
        globals[ARGV] = new AwkArray();
        globals[PROCINFO] = new AwkArray();
        globals[FPAT] = Val.str("[^[:space:]]+");
    }

    // ---- variables ----

    Val getGlobal(int slot, String name) {
        if (slot < SCALAR_SPECIALS) {
            switch (slot) {
                case NF: ensureSplit(); return Val.num(nf);
                case NR: return Val.num(nr);
                case FNR: return Val.num(fnr);
                default: break;
            }
        }
        Object o = globals[slot];
        if (o instanceof Val v) return v;
        if (o == null) return Val.UNINIT_VAL;
        throw new AwkFatal("attempt to use array `" + name + "' in a scalar context");
    }

    void setGlobal(int slot, Val v, String name) {
        Object o = globals[slot];
        if (o instanceof AwkArray) throw new AwkFatal("attempt to use array `" + name + "' in a scalar context");
        globals[slot] = v;
        if (slot < SCALAR_SPECIALS || slot == FPAT || slot == FIELDWIDTHS) special(slot, v);
    }

    private void special(int slot, Val v) {
        switch (slot) {
            case NF -> setNF((int) toNum(v));
            case NR -> nr = (long) toNum(v);
            case FNR -> fnr = (long) toNum(v);
            case FS -> {
                fs = toStr(v);
                splitter = FieldSplitter.of(fs, rs.isEmpty(), ignoreCase);
            }
            case FPAT -> splitter = new FieldSplitter.ByPattern(AwkRegex.compile(toStr(v), ignoreCase));
            case FIELDWIDTHS -> splitter = FieldSplitter.Widths.parse(toStr(v));
            case OFS -> ofs = toStr(v);
            case ORS -> ors = toStr(v);
            case RS -> {
                rs = toStr(v);
                rsPattern = rs.length() > 1 ? AwkRegex.compile(rs, ignoreCase) : null;
                splitter = FieldSplitter.of(fs, rs.isEmpty(), ignoreCase);
            }
            case SUBSEP -> subsep = toStr(v);
            case CONVFMT -> convfmt = toStr(v);
            case OFMT -> ofmt = toStr(v);
            case IGNORECASE -> {
                ignoreCase = bool(v);
                splitter = FieldSplitter.of(fs, rs.isEmpty(), ignoreCase);
                if (rs.length() > 1) rsPattern = AwkRegex.compile(rs, ignoreCase);
            }
            default -> { }
        }
    }

    void setGlobalByName(String name, Val v) {
        int slot = globalNames.indexOf(name);
        if (slot >= 0) setGlobal(slot, v, name);
    }

    AwkArray array(Expr.Name n) {
        if (n instanceof Expr.Local l) {
            Object o = frame[l.slot()];
            if (o instanceof AwkArray a) return a;
            if (o == null || o == Val.UNINIT_VAL) {
                AwkArray a = new AwkArray();
                frame[l.slot()] = a;
                return a;
            }
            throw new AwkFatal("attempt to use scalar parameter `" + n.name() + "' as an array");
        }
        int slot = ((Expr.Global) n).slot();
        Object o = globals[slot];
        if (o instanceof AwkArray a) return a;
        if (o == null) {
            AwkArray a = new AwkArray();
            globals[slot] = a;
            return a;
        }
        throw new AwkFatal("attempt to use scalar `" + n.name() + "' as an array");
    }

    AwkArray globalArray(int slot) { return (AwkArray) globals[slot]; }

    String subscript(List<Expr> subs) {
        if (subs.size() == 1) return subKey(subs.get(0).eval(this));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < subs.size(); i++) {
            if (i > 0) sb.append(subsep);
            sb.append(subKey(subs.get(i).eval(this)));
        }
        return sb.toString();
    }

    private String subKey(Val v) {
        if (v.kind == Val.NUM) {
            double d = v.num;
            if (d == (long) d && Math.abs(d) < 9.2e18) return Long.toString((long) d);
        }
        return toStr(v);
    }

    /**
     * Applies {@code lv = lv op r}, evaluating the element's location once ({@code a[i++]++} increments i
     * once); returns the new value, or the old one when {@code returnNew} is false.
     */
    double update(Expr.LValue lv, char op, double r, boolean returnNew) {
        if (r == 0 && (op == '/' || op == '%')) throw new AwkFatal("division by zero attempted in `" + op + "='");
        double old, now;
        if (lv instanceof Expr.Index ix) {
            AwkArray a = array(ix.array());
            String key = subscript(ix.subs());
            Val cur = a.map.get(key);
            old = cur == null ? 0 : toNum(cur);
            now = Arith.apply(op, old, r);
            a.put(key, Val.num(now));
        } else if (lv instanceof Expr.Field f) {
            int i = fieldIndex(f.index().num(this));
            old = fieldNum(i);
            now = Arith.apply(op, old, r);
            setField(i, numToStr(now, convfmt));
        } else {
            old = lv.num(this);
            now = Arith.apply(op, old, r);
            lv.set(this, Val.num(now));
        }
        return returnNew ? now : old;
    }

    // ---- conversions ----

    double toNum(Val v) {
        if (v.kind == Val.NUM || v.kind == Val.UNINIT) return v.num;
        if (v.kind == Val.STRNUM && v.numeric) return v.num;
        return Numbers.parse(v.str);
    }

    String toStr(Val v) {
        if (v.kind != Val.NUM) return v.str;
        return numToStr(v.num, convfmt);
    }

    String toOutStr(Val v) {
        if (v.kind != Val.NUM) return v.str;
        return numToStr(v.num, ofmt);
    }

    String numToStr(double d, String fmt) {
        if (d == (long) d && Math.abs(d) < 9.2e18) {
            return Long.toString((long) d);
        }
        if (Double.isNaN(d)) return Double.doubleToRawLongBits(d) < 0 ? "-nan" : "+nan";
        if (Double.isInfinite(d)) return d > 0 ? "+inf" : "-inf";
        if (d == Math.rint(d)) return new java.math.BigDecimal(d).toPlainString();
        return Format.sprintf(this, fmt, new Val[] {Val.num(d)});
    }

    boolean bool(Val v) {
        return switch (v.kind) {
            case Val.NUM -> v.num != 0;
            case Val.STR -> !v.str.isEmpty();
            case Val.STRNUM -> v.numeric ? v.num != 0 : !v.str.isEmpty();
            default -> false;
        };
    }

    int compare(Val a, Val b) {
        if (a.numeric && b.numeric) {
            double x = toNum(a), y = toNum(b);
            if (x < y) return -1;
            if (x > y) return 1;
            if (x == y) return 0;
            return Double.isNaN(x) ? (Double.isNaN(y) ? 0 : 1) : -1;
        }
        if (ignoreCase) return toStr(a).compareToIgnoreCase(toStr(b));
        return toStr(a).compareTo(toStr(b));
    }

    Pattern pattern(Expr re) {
        if (re instanceof Expr.Regex r) return r.pattern(ignoreCase);
        return regex(re.str(this));
    }

    Pattern regex(String src) {
        Map<String, Pattern> cache = ignoreCase ? regexCacheFolded : regexCache;
        Pattern p = cache.get(src);
        if (p == null) {
            p = AwkRegex.compile(src, ignoreCase);
            if (cache.size() > 500) cache.clear();
            cache.put(src, p);
        }
        return p;
    }

    // ---- the record and its fields ----

    String record() { return record; }

    void setRecord(String s) {
        record = s;
        recordSplitter = splitter;
        recordVal = null;
        split = false;
    }

    int fieldIndex(double d) {
        if (d < 0 || Double.isNaN(d)) throw new AwkFatal("attempt to access field " + (long) d);
        return (int) d;
    }

    void ensureSplit() {
        if (split) return;
        nf = recordSplitter.split(record, this::addField, 0);
        split = true;
    }

    private int addField(int i, String s) {
        if (i >= fields.length) {
            fields = java.util.Arrays.copyOf(fields, Math.max(i + 1, fields.length * 2));
            fieldVals = java.util.Arrays.copyOf(fieldVals, fields.length);
        }
        fields[i] = s;
        fieldVals[i] = null;
        return i;
    }

    Val field(int i) {
        if (i == 0) {
            if (recordVal == null) recordVal = Val.strnum(record);
            return recordVal;
        }
        ensureSplit();
        if (i > nf) return Val.UNINIT_VAL;
        Val v = fieldVals[i];
        if (v == null) {
            v = Val.strnum(fields[i]);
            fieldVals[i] = v;
        }
        return v;
    }

    String fieldStr(int i) {
        if (i == 0) return record;
        ensureSplit();
        return i > nf ? "" : fields[i];
    }

    double fieldNum(int i) {
        if (i == 0) return Numbers.parse(record);
        ensureSplit();
        return i > nf ? 0 : Numbers.parse(fields[i]);
    }

    void setField(int i, String s) {
        if (i == 0) {
            setRecord(s);
            return;
        }
        ensureSplit();
        if (i > nf) {
            for (int k = nf + 1; k < i; k++) addField(k, "");
            nf = i;
        }
        addField(i, s);
        rebuild();
    }

    void setNF(int n) {
        ensureSplit();
        if (n < 0) throw new AwkFatal("NF set to negative value");
        for (int k = nf + 1; k <= n; k++) addField(k, "");
        nf = n;
        rebuild();
    }

    private void rebuild() {
        StringBuilder sb = new StringBuilder();
        for (int k = 1; k <= nf; k++) {
            if (k > 1) sb.append(ofs);
            sb.append(fields[k]);
        }
        record = sb.toString();
        recordVal = null;
    }

    /** split() and the like: splits s with a splitter into a fresh array contents. */
    int splitInto(String s, FieldSplitter sp, AwkArray a, AwkArray seps) {
        a.clear();
        if (seps != null) seps.clear();
        return sp.split(s, (i, f) -> {
            a.put(Integer.toString(i), Val.strnum(f));
            return i;
        }, 0, seps);
    }

    FieldSplitter splitterFor(String fieldSep) {
        return FieldSplitter.of(fieldSep, false, ignoreCase);
    }

    FieldSplitter currentSplitter() { return splitter; }

    // ---- functions ----

    Val call(Expr.Call c) {
        Expr.Function f = c.fn;
        if (c.args.size() > f.params.size()) {
            throw new AwkFatal("function `" + f.name + "' called with more arguments than declared");
        }
        Object[] locals = new Object[f.params.size()];
        for (int i = 0; i < c.args.size(); i++) {
            Expr a = c.args.get(i);
            if (a instanceof Expr.Name n) {
                Object cur = n instanceof Expr.Local l ? frame[l.slot()] : globals[((Expr.Global) n).slot()];
                if (cur instanceof AwkArray arr) {
                    locals[i] = arr;
                    continue;
                }
                if (f.arrayParam[i] && (cur == null || cur == Val.UNINIT_VAL)) {
                    locals[i] = array(n);
                    continue;
                }
            }
            locals[i] = a.eval(this);
        }
        if (++depth > 10000) throw new AwkFatal("function call nesting too deep");
        Object[] saved = frame;
        frame = locals;
        try {
            returnValue = Val.UNINIT_VAL;
            int code = f.body.exec(this);
            if (code == Stmt.NEXT || code == Stmt.NEXTFILE || code == Stmt.EXIT) throw new Control(code);
            Val r = returnValue;
            returnValue = Val.UNINIT_VAL;
            return r;
        } finally {
            frame = saved;
            depth--;
        }
    }

    /** Calls a user function with values (sort comparators). */
    Val callWith(Expr.Function f, Val... args) {
        Object[] locals = new Object[Math.max(f.params.size(), args.length)];
        System.arraycopy(args, 0, locals, 0, args.length);
        Object[] saved = frame;
        frame = locals;
        try {
            returnValue = Val.UNINIT_VAL;
            int code = f.body.exec(this);
            if (code == Stmt.NEXT || code == Stmt.NEXTFILE || code == Stmt.EXIT) throw new Control(code);
            Val r = returnValue;
            returnValue = Val.UNINIT_VAL;
            return r;
        } finally {
            frame = saved;
        }
    }

    /** next, nextfile or exit raised inside a function. */
    static final class Control extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        Control(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    int run(Stmt s) {
        try {
            return s.exec(this);
        } catch (Control c) {
            return c.code;
        }
    }

    // ---- for-in order ----

    List<String> sortedKeys(AwkArray a) {
        List<String> keys = new ArrayList<>(a.map.keySet());
        Object pi = globals[PROCINFO];
        if (!(pi instanceof AwkArray procinfo) || !procinfo.contains("sorted_in")) return ArraySort.gawkOrder(keys);
        String how = toStr(procinfo.map.get("sorted_in"));
        ArraySort.sortKeys(this, a, keys, how);
        return keys;
    }

    // ---- I/O (delegated) ----

    int getline(Expr.Getline g) { return io.getline(g); }

    void print(Stmt.Print p) { io.print(p); }
}
