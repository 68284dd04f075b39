package dev.agentos.cli;

import java.util.Optional;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/** A path inside a VM written {@code KEY:/path} (a relative path is taken from the VM user's home). */
record VmPath(String key, String path) {
    static final String HOME = "/home/agentos";

    /** {@code KEY:/path}, or empty when {@code arg} names a local file (no colon before the first slash). */
    static Optional<VmPath> parse(String arg) {
        int colon = arg.indexOf(':');
        int slash = arg.indexOf('/');
        if (colon <= 0 || (slash >= 0 && slash < colon)) return Optional.empty();
        String p = arg.substring(colon + 1);
        if (p.isEmpty()) p = HOME;
        else if (!p.startsWith("/")) p = HOME + "/" + p;
        return Optional.of(new VmPath(arg.substring(0, colon), p));
    }

    static VmPath require(CommandSpec spec, String arg) {
        return parse(arg).orElseThrow(() -> new ParameterException(spec.commandLine(), "expected KEY:/path, got '" + arg + "'"));
    }

    /** A child path. */
    VmPath resolve(String name) {
        return new VmPath(key, path.endsWith("/") ? path + name : path + "/" + name);
    }

    @Override public String toString() { return key + ":" + path; }
}
