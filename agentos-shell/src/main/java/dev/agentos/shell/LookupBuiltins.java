package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.vfs.FileStat;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The builtins that say what a name is or bind names: type, command, builtin, hash, alias, unalias. */
final class LookupBuiltins {
    private final Shell sh;

    LookupBuiltins(Shell sh) {
        this.sh = sh;
    }

    void register(Map<String, Builtins.Builtin> t) {
            t.put("type", this::type);
            t.put("command", this::command);
            t.put("builtin", this::builtin);
            t.put("hash", this::hash);
            t.put("alias", this::alias);
            t.put("unalias", this::unalias);
    }

    private void err(String msg) { sh.error(msg); }

    static String searchPath(Shell sh, String name) {
        String path = sh.get("PATH");
        if (path == null) path = "/usr/local/bin:/usr/bin:/bin";
        for (String d : path.split(":", -1)) {
            String cand = (d.isEmpty() ? "." : d) + "/" + name;
            try {
                FileStat st = sh.ctx.stat(cand);
                if (st.isRegular()) return cand;
            } catch (AgentOsException e) {
                // keep looking
            }
        }
        return null;
    }

    static String searchExecutable(Shell sh, String name) {
        String path = sh.get("PATH");
        if (path == null) path = "/usr/local/bin:/usr/bin:/bin";
        for (String d : path.split(":", -1)) {
            String cand = (d.isEmpty() ? "." : d) + "/" + name;
            try {
                FileStat st = sh.ctx.stat(cand);
                if (st.isRegular() && sh.ctx.access(cand, 1)) return cand;
            } catch (AgentOsException e) {
                // keep looking
            }
        }
        return null;
    }

    private int type(List<String> a) {
        boolean tOnly = false, pOnly = false, all = false;
        int i = 1;
        for (; i < a.size() && a.get(i).startsWith("-") && a.get(i).length() > 1; i++) {
            for (char c : a.get(i).substring(1).toCharArray()) {
                if (c == 't') tOnly = true;
                else if (c == 'p' || c == 'P') pOnly = true;
                else if (c == 'a') all = true;
            }
        }
        int st = 0;
        for (; i < a.size(); i++) {
            String n = a.get(i);
            boolean found = false;
            if (!pOnly && sh.aliases.containsKey(n)) {
                sh.writeOut(tOnly ? "alias\n" : n + " is aliased to `" + sh.aliases.get(n) + "'\n");
                found = true;
                if (!all) continue;
            }
            if (!pOnly && Builtins.KEYWORDS.contains(n)) {
                sh.writeOut(tOnly ? "keyword\n" : n + " is a shell keyword\n");
                found = true;
                if (!all) continue;
            }
            if (!pOnly && sh.functions.containsKey(n)) {
                sh.writeOut(tOnly ? "function\n" : n + " is a function\n" + Unparser.function(sh.functions.get(n)) + "\n");
                found = true;
                if (!all) continue;
            }
            if (!pOnly && sh.builtins.isBuiltin(n)) {
                sh.writeOut(tOnly ? "builtin\n" : n + " is a shell builtin\n");
                found = true;
                if (!all) continue;
            }
            String path = n.contains("/") ? (exists(n) ? n : null) : searchExecutable(sh, n);
            if (path != null) {
                sh.writeOut(tOnly ? "file\n" : pOnly ? path + "\n" : n + " is " + path + "\n");
                found = true;
            }
            if (!found) {
                if (!tOnly && !pOnly) err("type: " + n + ": not found");
                st = 1;
            }
        }
        return st;
    }

    private boolean exists(String p) {
        try {
            sh.ctx.stat(p);
            return true;
        } catch (AgentOsException e) {
            return false;
        }
    }

    private int command(List<String> a) {
        int i = 1;
        boolean v = false, bigV = false;
        for (; i < a.size() && a.get(i).startsWith("-") && a.get(i).length() > 1; i++) {
            if (a.get(i).equals("--")) { i++; break; }
            for (char c : a.get(i).substring(1).toCharArray()) {
                if (c == 'v') v = true;
                else if (c == 'V') bigV = true;
            }
        }
        if (i >= a.size()) return 0;
        if (v || bigV) {
            int st = 0;
            for (; i < a.size(); i++) {
                String n = a.get(i);
                if (bigV) {
                    List<String> t = new ArrayList<>(List.of("type", n));
                    if (type(t) != 0) st = 1;
                    continue;
                }
                if (sh.aliases.containsKey(n)) sh.writeOut("alias " + n + "='" + sh.aliases.get(n) + "'\n");
                else if (sh.functions.containsKey(n) || sh.builtins.isBuiltin(n) || Builtins.KEYWORDS.contains(n)) sh.writeOut(n + "\n");
                else {
                    String p = n.contains("/") ? (exists(n) ? n : null) : searchExecutable(sh, n);
                    if (p == null) st = 1;
                    else sh.writeOut(p + "\n");
                }
            }
            return st;
        }
        List<String> argv = new ArrayList<>(a.subList(i, a.size()));
        Builtins.Builtin b = sh.builtins.find(argv.get(0));
        if (b != null) return b.run(argv);
        return sh.children.spawnAndWait(argv, sh.exportedEnv());
    }

    private int builtin(List<String> a) {
        if (a.size() < 2) return 0;
        Builtins.Builtin b = sh.builtins.find(a.get(1));
        if (b == null) {
            err("builtin: " + a.get(1) + ": not a shell builtin");
            return 1;
        }
        return b.run(new ArrayList<>(a.subList(1, a.size())));
    }

    private int hash(List<String> a) {
        if (a.size() == 1) {
            if (sh.hashed.isEmpty()) sh.writeOut("hash: hash table empty\n");
            else {
                sh.writeOut("hits\tcommand\n");
                for (var e : sh.hashed.entrySet()) sh.writeOut("   1\t" + e.getValue() + "\n");
            }
            return 0;
        }
        int st = 0;
        for (String n : a.subList(1, a.size())) {
            if (n.equals("-r")) { sh.hashed.clear(); continue; }
            if (n.startsWith("-")) continue;
            String p = searchExecutable(sh, n);
            if (p == null) { err("hash: " + n + ": not found"); st = 1; }
            else if (!sh.builtins.isBuiltin(n)) sh.hashed.put(n, p);
        }
        return st;
    }

    private int alias(List<String> a) {
        if (a.size() == 1 || (a.size() == 2 && a.get(1).equals("-p"))) {
            for (var e : new TreeMap<>(sh.aliases).entrySet()) sh.writeOut("alias " + e.getKey() + "=" + Quoting.quoteAlways(e.getValue()) + "\n");
            return 0;
        }
        int st = 0;
        for (String s : a.subList(1, a.size())) {
            int eq = s.indexOf('=');
            if (eq > 0) sh.aliases.put(s.substring(0, eq), s.substring(eq + 1));
            else if (sh.aliases.containsKey(s)) sh.writeOut("alias " + s + "=" + Quoting.quoteAlways(sh.aliases.get(s)) + "\n");
            else { err("alias: " + s + ": not found"); st = 1; }
        }
        return st;
    }

    private int unalias(List<String> a) {
        int st = 0;
        for (String s : a.subList(1, a.size())) {
            if (s.equals("-a")) { sh.aliases.clear(); continue; }
            if (sh.aliases.remove(s) == null) { err("unalias: " + s + ": not found"); st = 1; }
        }
        return st;
    }
}
