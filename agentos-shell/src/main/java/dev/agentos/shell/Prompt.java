package dev.agentos.shell;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** PS1-style prompt escapes: user, host, working directory, dollar sign, shell name and version, time. */
final class Prompt {
    static final String VERSION = "5.2";
    static final String RELEASE = "5.2.15";

    private Prompt() {}

    static String expand(Shell sh, String ps) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ps.length(); i++) {
            char c = ps.charAt(i);
            if (c != '\\' || i + 1 >= ps.length()) { b.append(c); continue; }
            char n = ps.charAt(++i);
            switch (n) {
                case 'u' -> b.append(sh.get("USER") != null ? sh.get("USER") : sh.ctx.credentials().uid() == 0 ? "root" : "agentos");
                case 'h' -> { String h = hostname(sh); int dot = h.indexOf('.'); b.append(dot < 0 ? h : h.substring(0, dot)); }
                case 'H' -> b.append(hostname(sh));
                case 'w' -> b.append(tildePwd(sh));
                case 'W' -> {
                    String w = pwd(sh);
                    String home = sh.get("HOME");
                    if (w.equals(home)) b.append('~');
                    else if (w.equals("/")) b.append('/');
                    else b.append(w.substring(w.lastIndexOf('/') + 1));
                }
                case '$' -> b.append(sh.ctx.credentials().uid() == 0 ? '#' : '$');
                case 's' -> b.append(sh.shellName);
                case 'v' -> b.append(VERSION);
                case 'V' -> b.append(RELEASE);
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 'a' -> b.append('\007');
                case 'e' -> b.append('\033');
                case 't' -> b.append(ZonedDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("HH:mm:ss")));
                case 'd' -> b.append(ZonedDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("EEE MMM dd")));
                case '\\' -> b.append('\\');
                case '[', ']' -> { }
                case '!', '#' -> b.append('1');
                default -> b.append('\\').append(n);
            }
        }
        return b.toString();
    }

    private static String pwd(Shell sh) {
        String p = sh.get("PWD");
        return p == null ? sh.ctx.cwd() : p;
    }

    private static String tildePwd(Shell sh) {
        String w = pwd(sh);
        String home = sh.get("HOME");
        if (home != null && !home.isEmpty() && (w.equals(home) || w.startsWith(home + "/"))) return "~" + w.substring(home.length());
        return w;
    }

    private static String hostname(Shell sh) {
        try {
            return Redirections.readFile(sh, "/etc/hostname").strip();
        } catch (RuntimeException e) {
            return "agentos";
        }
    }
}
