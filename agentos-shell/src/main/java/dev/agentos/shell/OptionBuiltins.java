package dev.agentos.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The builtins over the shell's options and positional parameters: set, shopt, shift, getopts. */
final class OptionBuiltins {
    private final Shell sh;
    private int getoptsChar = 1;

    OptionBuiltins(Shell sh) {
        this.sh = sh;
    }

    void register(Map<String, Builtins.Builtin> t) {
            t.put("shift", this::shift);
            t.put("set", this::set);
            t.put("getopts", this::getopts);
            t.put("shopt", this::shopt);
    }

    private void err(String msg) { sh.error(msg); }

    private int shift(List<String> a) {
        int n = 1;
        if (a.size() > 1) {
            try {
                n = Integer.parseInt(a.get(1));
            } catch (NumberFormatException e) {
                err("shift: " + a.get(1) + ": numeric argument required");
                return 1;
            }
        }
        if (n < 0) { err("shift: " + a.get(1) + ": shift count out of range"); return 1; }
        if (n > sh.positional.size()) return 1;
        sh.positional = new ArrayList<>(sh.positional.subList(n, sh.positional.size()));
        return 0;
    }

    private int set(List<String> a) {
        if (a.size() == 1) {
            for (String n : new TreeMap<>(sh.vars.map).keySet()) {
                Variables.Var v = sh.vars.get(n);
                if (!v.isSet()) continue;
                if (v.indexed != null || v.assoc != null) {
                    String line = VariableBuiltins.declareLine(n, v);
                    sh.writeOut(n + "=" + line.substring(line.indexOf('=') + 1) + "\n");
                } else sh.writeOut(n + "=" + Quoting.quote(v.value) + "\n");
            }
            return 0;
        }
        int i = 1;
        for (; i < a.size(); i++) {
            String s = a.get(i);
            if (s.equals("--")) {
                sh.positional = new ArrayList<>(a.subList(i + 1, a.size()));
                return 0;
            }
            if (s.equals("-") ) { sh.opts.xtrace = false; sh.opts.verbose = false; i++; break; }
            if (!(s.startsWith("-") || s.startsWith("+")) || s.length() < 2) break;
            boolean on = s.charAt(0) == '-';
            for (int k = 1; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == 'o') {
                    if (i + 1 >= a.size()) {
                        for (var e : sh.opts.long_().entrySet()) {
                            if (on) sh.writeOut(String.format("%-15s\t%s\n", e.getKey(), e.getValue() ? "on" : "off"));
                            else sh.writeOut("set " + (e.getValue() ? "-o " : "+o ") + e.getKey() + "\n");
                        }
                        return 0;
                    }
                    String opt = a.get(++i);
                    if (!sh.opts.setLong(opt, on)) {
                        err("set: " + opt + ": invalid option name");
                        return 1;
                    }
                    break;
                }
                if (!sh.opts.setFlag(c, on)) {
                    err("set: " + (on ? "-" : "+") + c + ": invalid option");
                    sh.writeErr("set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n");
                    return 2;
                }
            }
        }
        if (i < a.size()) sh.positional = new ArrayList<>(a.subList(i, a.size()));
        return 0;
    }

    private int shopt(List<String> a) {
        boolean set = false, unset = false, quiet = false, print = false, oMode = false;
        int i = 1;
        for (; i < a.size() && a.get(i).startsWith("-"); i++) {
            for (char c : a.get(i).substring(1).toCharArray()) {
                switch (c) {
                    case 's' -> set = true;
                    case 'u' -> unset = true;
                    case 'q' -> quiet = true;
                    case 'p' -> print = true;
                    case 'o' -> oMode = true;
                    default -> { err("shopt: -" + c + ": invalid option"); return 2; }
                }
            }
        }
        Map<String, Boolean> all = oMode ? sh.opts.long_() : sh.opts.shopts();
        if (i >= a.size()) {
            for (var e : all.entrySet()) {
                if ((set && !e.getValue()) || (unset && e.getValue())) continue;
                sh.writeOut(print ? "shopt " + (e.getValue() ? "-s " : "-u ") + e.getKey() + "\n" : String.format("%-15s\t%s\n", e.getKey(), e.getValue() ? "on" : "off"));
            }
            return 0;
        }
        int st = 0;
        for (; i < a.size(); i++) {
            String n = a.get(i);
            if (set || unset) {
                boolean ok = oMode ? sh.opts.setLong(n, set) : sh.opts.setShopt(n, set);
                if (!ok) { err("shopt: " + n + ": invalid shell option name"); st = 1; }
            } else {
                Boolean v = all.get(n);
                if (v == null) { err("shopt: " + n + ": invalid shell option name"); st = 1; continue; }
                if (!quiet) sh.writeOut(String.format("%-15s\t%s\n", n, v ? "on" : "off"));
                if (!v) st = 1;
            }
        }
        return st;
    }

    private int getopts(List<String> a) {
        if (a.size() < 3) {
            err("getopts: usage: getopts optstring name [arg ...]");
            return 2;
        }
        String spec = a.get(1);
        String var = a.get(2);
        List<String> args = a.size() > 3 ? a.subList(3, a.size()) : sh.positional;
        boolean silent = spec.startsWith(":");
        if (silent) spec = spec.substring(1);
        int optind = (int) Shell.parseLongOr(sh.get("OPTIND") == null ? "1" : sh.get("OPTIND"), 1);
        if (optind < 1) optind = 1;
        if (optind == 1 && lastOptind != 1) getoptsChar = 1;
        lastOptind = optind;
        if (optind > args.size()) { sh.setVar(var, "?"); return 1; }
        String cur = args.get(optind - 1);
        if (getoptsChar == 1) {
            if (!cur.startsWith("-") || cur.equals("-")) { sh.setVar(var, "?"); return 1; }
            if (cur.equals("--")) { setOptind(optind + 1); sh.setVar(var, "?"); return 1; }
        }
        char c = cur.charAt(getoptsChar);
        getoptsChar++;
        boolean last = getoptsChar >= cur.length();
        int idx = spec.indexOf(c);
        Variables.Var optarg = sh.vars.get("OPTARG");
        if (idx < 0 || c == ':') {
            if (last) { getoptsChar = 1; setOptind(optind + 1); }
            if (silent) { sh.setVar("OPTARG", String.valueOf(c)); }
            else {
                sh.writeErr(sh.arg0 + ": illegal option -- " + c + "\n");
                if (optarg != null) sh.vars.map.remove("OPTARG");
            }
            sh.setVar(var, "?");
            return 0;
        }
        if (idx + 1 < spec.length() && spec.charAt(idx + 1) == ':') {
            if (!last) {
                sh.setVar("OPTARG", cur.substring(getoptsChar));
                getoptsChar = 1;
                setOptind(optind + 1);
            } else if (optind < args.size()) {
                sh.setVar("OPTARG", args.get(optind));
                getoptsChar = 1;
                setOptind(optind + 2);
            } else {
                getoptsChar = 1;
                setOptind(optind + 1);
                if (silent) { sh.setVar(var, ":"); sh.setVar("OPTARG", String.valueOf(c)); }
                else { sh.writeErr(sh.arg0 + ": option requires an argument -- " + c + "\n"); sh.setVar(var, "?"); sh.vars.map.remove("OPTARG"); }
                return 0;
            }
        } else {
            if (last) { getoptsChar = 1; setOptind(optind + 1); }
            sh.vars.map.remove("OPTARG");
        }
        sh.setVar(var, String.valueOf(c));
        return 0;
    }

    private int lastOptind = 1;

    private void setOptind(int n) {
        sh.setVar("OPTIND", Integer.toString(n));
        lastOptind = n;
    }
}
