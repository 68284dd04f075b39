package dev.agentos.shell;

import java.util.LinkedHashMap;
import java.util.Map;

/** set -o options and shopt settings. */
final class Options {
    boolean errexit, nounset, xtrace, pipefail, noglob, noclobber, allexport, verbose, monitor, noexec, functrace, history, hashall = true;
    boolean globstar, nullglob, extglob = true, dotglob, failglob, nocaseglob, nocasematch, expandAliases, lastpipe;

    Options copy() {
        Options o = new Options();
        o.errexit = errexit; o.nounset = nounset; o.xtrace = xtrace; o.pipefail = pipefail; o.noglob = noglob;
        o.noclobber = noclobber; o.allexport = allexport; o.verbose = verbose; o.monitor = monitor; o.noexec = noexec;
        o.hashall = hashall; o.globstar = globstar; o.nullglob = nullglob; o.extglob = extglob; o.dotglob = dotglob;
        o.failglob = failglob; o.nocaseglob = nocaseglob; o.nocasematch = nocasematch; o.expandAliases = expandAliases;
        o.lastpipe = lastpipe; o.functrace = functrace; o.history = history;
        return o;
    }

    /** The letters of $-. */
    String flags(boolean interactive, boolean cMode) {
        StringBuilder b = new StringBuilder();
        if (allexport) b.append('a');
        if (errexit) b.append('e');
        if (noglob) b.append('f');
        if (hashall) b.append('h');
        if (interactive) b.append('i');
        if (monitor) b.append('m');
        if (noexec) b.append('n');
        if (nounset) b.append('u');
        if (verbose) b.append('v');
        if (xtrace) b.append('x');
        b.append('B');
        if (noclobber) b.append('C');
        if (functrace) b.append('T');
        if (cMode) b.append('c');
        return b.toString();
    }

    /** Sets a single-letter option; false when the letter is unknown. */
    boolean setFlag(char c, boolean on) {
        switch (c) {
            case 'a' -> allexport = on;
            case 'e' -> errexit = on;
            case 'f' -> noglob = on;
            case 'h' -> hashall = on;
            case 'm' -> monitor = on;
            case 'n' -> noexec = on;
            case 'u' -> nounset = on;
            case 'v' -> verbose = on;
            case 'x' -> xtrace = on;
            case 'C' -> noclobber = on;
            case 'T' -> functrace = on;
            case 'B', 'H', 'P', 'E', 'b', 'k', 't' -> { }
            default -> { return false; }
        }
        return true;
    }

    Map<String, Boolean> long_() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        m.put("allexport", allexport); m.put("braceexpand", true); m.put("emacs", false); m.put("errexit", errexit);
        m.put("errtrace", false); m.put("functrace", functrace); m.put("hashall", hashall); m.put("histexpand", false);
        m.put("history", history); m.put("ignoreeof", false); m.put("interactive-comments", true); m.put("keyword", false);
        m.put("monitor", monitor); m.put("noclobber", noclobber); m.put("noexec", noexec); m.put("noglob", noglob);
        m.put("nolog", false); m.put("notify", false); m.put("nounset", nounset); m.put("onecmd", false);
        m.put("physical", false); m.put("pipefail", pipefail); m.put("posix", false); m.put("privileged", false);
        m.put("verbose", verbose); m.put("vi", false); m.put("xtrace", xtrace);
        return m;
    }

    boolean setLong(String name, boolean on) {
        switch (name) {
            case "allexport" -> allexport = on;
            case "errexit" -> errexit = on;
            case "noglob" -> noglob = on;
            case "hashall" -> hashall = on;
            case "monitor" -> monitor = on;
            case "noexec" -> noexec = on;
            case "nounset" -> nounset = on;
            case "verbose" -> verbose = on;
            case "xtrace" -> xtrace = on;
            case "noclobber" -> noclobber = on;
            case "pipefail" -> pipefail = on;
            case "functrace" -> functrace = on;
            case "history" -> history = on;
            case "braceexpand", "emacs", "vi", "histexpand", "ignoreeof", "interactive-comments", "posix",
                 "errtrace", "physical", "notify", "keyword", "onecmd", "privileged", "nolog" -> { }
            default -> { return false; }
        }
        return true;
    }

    Map<String, Boolean> shopts() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        m.put("dotglob", dotglob); m.put("expand_aliases", expandAliases); m.put("extglob", extglob);
        m.put("failglob", failglob); m.put("globstar", globstar); m.put("lastpipe", lastpipe);
        m.put("nocaseglob", nocaseglob); m.put("nocasematch", nocasematch); m.put("nullglob", nullglob);
        return m;
    }

    boolean setShopt(String name, boolean on) {
        switch (name) {
            case "dotglob" -> dotglob = on;
            case "expand_aliases" -> expandAliases = on;
            case "extglob" -> extglob = on;
            case "failglob" -> failglob = on;
            case "globstar" -> globstar = on;
            case "lastpipe" -> lastpipe = on;
            case "nocaseglob" -> nocaseglob = on;
            case "nocasematch" -> nocasematch = on;
            case "nullglob" -> nullglob = on;
            case "checkwinsize", "histappend", "cmdhist", "progcomp", "promptvars", "sourcepath", "interactive_comments",
                 "extquote", "checkhash", "huponexit", "inherit_errexit", "login_shell" -> { }
            default -> { return false; }
        }
        return true;
    }
}
