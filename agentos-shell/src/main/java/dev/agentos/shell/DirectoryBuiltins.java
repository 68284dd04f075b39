package dev.agentos.shell;

import dev.agentos.AgentOsException;
import dev.agentos.kernel.vfs.FileStat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** cd, pwd and the directory stack (pushd, popd, dirs), which keep PWD, OLDPWD and DIRSTACK. */
final class DirectoryBuiltins {
    private final Shell sh;

    DirectoryBuiltins(Shell sh) {
        this.sh = sh;
    }

    void register(Map<String, Builtins.Builtin> t) {
            t.put("cd", this::cd);
            t.put("pwd", this::pwd);
            t.put("pushd", this::pushd);
            t.put("popd", this::popd);
            t.put("dirs", this::dirs);
    }

    private void err(String msg) { sh.error(msg); }

    static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) { if (!parts.isEmpty()) parts.remove(parts.size() - 1); continue; }
            parts.add(p);
        }
        return "/" + String.join("/", parts);
    }

    String pwdValue() {
        String p = sh.get("PWD");
        if (p != null && p.startsWith("/")) {
            try {
                FileStat a = sh.ctx.stat(p), b = sh.ctx.stat(".");
                if (a.ino() == b.ino() && a.dev() == b.dev()) return p;
            } catch (AgentOsException e) {
                // stale: use the physical path
            }
        }
        return sh.ctx.cwd();
    }

    private int cd(List<String> a) {
        int i = 1;
        boolean physical = false;
        while (i < a.size() && a.get(i).startsWith("-") && a.get(i).length() > 1) {
            if (a.get(i).equals("--")) { i++; break; }
            if (a.get(i).equals("-P")) physical = true;
            else if (!a.get(i).equals("-L")) break;
            i++;
        }
        if (a.size() - i > 1) { err("cd: too many arguments"); return 1; }
        String dir;
        boolean print = false;
        if (i >= a.size()) {
            dir = sh.get("HOME");
            if (dir == null) { err("cd: HOME not set"); return 1; }
        } else dir = a.get(i);
        if (dir.equals("-")) {
            dir = sh.get("OLDPWD");
            if (dir == null) { err("cd: OLDPWD not set"); return 1; }
            print = true;
        }
        if (dir.isEmpty()) return 0;
        String cur = pwdValue();
        String target = null;
        if (!dir.startsWith("/") && !dir.startsWith("./") && !dir.startsWith("../") && !dir.equals(".") && !dir.equals("..")) {
            String cdpath = sh.get("CDPATH");
            if (cdpath != null) {
                for (String c : cdpath.split(":", -1)) {
                    if (c.isEmpty()) continue;
                    String cand = normalize((c.startsWith("/") ? c : cur + "/" + c) + "/" + dir);
                    try {
                        if (sh.ctx.stat(cand).isDirectory()) { target = cand; print = true; break; }
                    } catch (AgentOsException e) {
                        // next
                    }
                }
            }
        }
        if (target == null) target = normalize(dir.startsWith("/") ? dir : cur + "/" + dir);
        try {
            sh.ctx.chdir(target);
        } catch (AgentOsException e) {
            try {
                sh.ctx.chdir(dir);
            } catch (AgentOsException e2) {
                err("cd: " + dir + ": " + Shell.strerror(e2));
                return 1;
            }
            target = sh.ctx.cwd();
        }
        if (physical) target = sh.ctx.cwd();
        setPwd(cur, target);
        if (print) sh.writeOut(target + "\n");
        return 0;
    }

    private void setPwd(String old, String now) {
        Variables.Var o = sh.vars.getOrCreate("OLDPWD");
        o.value = old;
        Variables.Var p = sh.vars.getOrCreate("PWD");
        p.value = now;
    }

    private int pwd(List<String> a) {
        boolean physical = a.contains("-P");
        sh.writeOut((physical ? sh.ctx.cwd() : pwdValue()) + "\n");
        return 0;
    }

    private int pushd(List<String> a) {
        String cur = pwdValue();
        if (a.size() < 2) {
            if (sh.dirStack.isEmpty()) { err("pushd: no other directory"); return 1; }
            String top = sh.dirStack.remove(0);
            if (cd(List.of("cd", top)) != 0) return 1;
            sh.dirStack.add(0, cur);
        } else {
            if (cd(List.of("cd", a.get(1))) != 0) return 1;
            sh.dirStack.add(0, cur);
        }
        return dirs(List.of("dirs"));
    }

    private int popd(List<String> a) {
        if (sh.dirStack.isEmpty()) { err("popd: directory stack empty"); return 1; }
        String top = sh.dirStack.remove(0);
        if (cd(List.of("cd", top)) != 0) return 1;
        return dirs(List.of("dirs"));
    }

    private int dirs(List<String> a) {
        if (a.contains("-c")) { sh.dirStack.clear(); return 0; }
        String home = sh.get("HOME");
        List<String> all = new ArrayList<>();
        all.add(pwdValue());
        all.addAll(sh.dirStack);
        boolean perLine = a.contains("-p") || a.contains("-v");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            String d = all.get(i);
            if (!a.contains("-l") && home != null && (d.equals(home) || d.startsWith(home + "/"))) d = "~" + d.substring(home.length());
            if (a.contains("-v")) b.append(String.format("%2d  %s\n", i, d));
            else if (perLine) b.append(d).append('\n');
            else b.append(i > 0 ? " " : "").append(d);
        }
        if (!perLine) b.append('\n');
        sh.writeOut(b.toString());
        return 0;
    }
}
