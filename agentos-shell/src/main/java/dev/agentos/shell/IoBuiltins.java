package dev.agentos.shell;

import dev.agentos.AgentOsException;
import java.util.Map;
import java.util.List;
import java.util.TreeMap;

/** The builtins that write or read whole streams: echo, printf, mapfile/readarray. */
final class IoBuiltins {
    private final Shell sh;

    IoBuiltins(Shell sh) {
        this.sh = sh;
    }

    void register(Map<String, Builtins.Builtin> t) {
            t.put("echo", this::echo);
            t.put("printf", this::printf);
            t.put("mapfile", this::mapfile);
            t.put("readarray", this::mapfile);
    }

    private void err(String msg) { sh.error(msg); }

    private int echo(List<String> a) {
        boolean newline = true, escapes = false;
        int i = 1;
        for (; i < a.size(); i++) {
            String s = a.get(i);
            if (s.length() < 2 || s.charAt(0) != '-' || !s.substring(1).chars().allMatch(c -> c == 'n' || c == 'e' || c == 'E')) break;
            for (char c : s.substring(1).toCharArray()) {
                if (c == 'n') newline = false; else escapes = c == 'e';
            }
        }
        StringBuilder b = new StringBuilder();
        for (int j = i; j < a.size(); j++) {
            if (j > i) b.append(' ');
            if (escapes) {
                boolean[] stop = new boolean[1];
                b.append(Escapes.decode(a.get(j), true, stop));
                if (stop[0]) { newline = false; break; }
            } else b.append(a.get(j));
        }
        if (newline) b.append('\n');
        return write(b.toString(), "echo");
    }

    private int write(String s, String who) {
        try {
            sh.writeOut(s);
            return 0;
        } catch (AgentOsException e) {
            err(who + ": write error: " + Shell.strerror(e));
            return 1;
        }
    }

    private int printf(List<String> a) {
        int i = 1;
        String var = null;
        if (i < a.size() && a.get(i).equals("-v")) {
            if (i + 1 >= a.size()) { err("printf: -v: option requires an argument"); return 2; }
            var = a.get(i + 1);
            i += 2;
        }
        if (i < a.size() && a.get(i).equals("--")) i++;
        if (i >= a.size()) {
            err("printf: usage: printf [-v var] format [arguments]");
            return 2;
        }
        Printf p = new Printf(sh, "printf");
        String out = p.format(a.get(i), a.subList(i + 1, a.size()));
        if (var != null) {
            if (var.endsWith("]") && var.indexOf('[') > 0) {
                int br = var.indexOf('[');
                sh.setElement(var.substring(0, br), var.substring(br + 1, var.length() - 1), out);
            } else sh.setVar(var, out);
        } else if (write(out, "printf") != 0) return 1;
        return p.failed() ? 1 : 0;
    }

    private int mapfile(List<String> a) {
        String delim = "\n";
        boolean strip = false;
        long max = 0, skip = 0, origin = 0;
        boolean keepOld = false;
        int fd = 0;
        int i = 1;
        for (; i < a.size() && a.get(i).startsWith("-"); i++) {
            String o = a.get(i);
            switch (o) {
                case "-t" -> strip = true;
                case "-d" -> { delim = a.get(++i); if (delim.isEmpty()) delim = "\0"; else delim = delim.substring(0, 1); }
                case "-n" -> max = Long.parseLong(a.get(++i));
                case "-s" -> skip = Long.parseLong(a.get(++i));
                case "-O" -> { origin = Long.parseLong(a.get(++i)); keepOld = true; }
                case "-u" -> fd = Integer.parseInt(a.get(++i));
                case "-C", "-c" -> i++;
                default -> { }
            }
        }
        String name = i < a.size() ? a.get(i) : "MAPFILE";
        String data = Redirections.readAll(sh, fd);
        Variables.Var v = sh.vars.inFunction() && sh.vars.get(name) == null ? sh.vars.getOrCreate(name) : sh.vars.getOrCreate(name);
        if (v.indexed == null || !keepOld) v.indexed = new TreeMap<>();
        v.value = null;
        long idx = origin;
        int pos = 0;
        long count = 0, seen = 0;
        char d = delim.charAt(0);
        while (pos < data.length()) {
            int e = data.indexOf(d, pos);
            String line = e < 0 ? data.substring(pos) : data.substring(pos, strip ? e : e + 1);
            pos = e < 0 ? data.length() : e + 1;
            if (seen++ < skip) continue;
            if (max > 0 && count >= max) break;
            v.indexed.put(idx++, line);
            count++;
        }
        return 0;
    }
}
