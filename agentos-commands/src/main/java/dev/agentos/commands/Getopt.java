package dev.agentos.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GNU getopt_long for commands: short clusters ({@code -la}), attached or separate arguments
 * ({@code -n5}, {@code -n 5}), long options with unique-prefix abbreviation ({@code --num=5},
 * {@code --num 5}), optional arguments (attached only), {@code --} ending options, and permutation
 * (options after operands) unless {@code POSIXLY_CORRECT} or the spec says otherwise. Errors carry
 * GNU's exact wording.
 */
public final class Getopt {
    /** Whether an option takes an argument. */
    public enum Arg { NONE, REQUIRED, OPTIONAL }

    /** One option: a short letter (0 for none), a long name (null for none) and a key for the caller. */
    public record Spec(char shortName, String longName, Arg arg, String key) {}

    /** A parsed option occurrence, in command-line order. */
    public record Option(String key, Optional<String> value) {
        public String valueOr(String fallback) { return value.orElse(fallback); }
    }

    /** The options in order and the operands. */
    public record Parsed(List<Option> options, List<String> operands) {
        public boolean has(String key) {
            return options.stream().anyMatch(o -> o.key.equals(key));
        }

        /** The last value given for {@code key}. */
        public Optional<String> last(String key) {
            Optional<String> v = Optional.empty();
            for (Option o : options) if (o.key.equals(key)) v = o.value.isPresent() ? o.value : Optional.of("");
            return v;
        }

        public List<String> all(String key) {
            return options.stream().filter(o -> o.key.equals(key)).map(o -> o.value.orElse("")).toList();
        }
    }

    /** A usage error with GNU's message (without the program name prefix). */
    public static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    private final List<Spec> specs = new ArrayList<>();
    private boolean permute = true;

    public static Getopt create() {
        return new Getopt();
    }

    public Getopt flag(char shortName, String longName, String key) {
        specs.add(new Spec(shortName, longName, Arg.NONE, key));
        return this;
    }

    public Getopt withArg(char shortName, String longName, String key) {
        specs.add(new Spec(shortName, longName, Arg.REQUIRED, key));
        return this;
    }

    public Getopt optionalArg(char shortName, String longName, String key) {
        specs.add(new Spec(shortName, longName, Arg.OPTIONAL, key));
        return this;
    }

    /** Stops at the first operand, as POSIX utilities like env and xargs do. */
    public Getopt noPermute() {
        permute = false;
        return this;
    }

    public Parsed parse(List<String> args) throws UsageError {
        return parse(args, Map.of());
    }

    /** Parses; {@code env} is consulted for POSIXLY_CORRECT. */
    public Parsed parse(List<String> args, Map<String, String> env) throws UsageError {
        boolean stopAtOperand = !permute || env.containsKey("POSIXLY_CORRECT");
        List<Option> options = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("--")) {
                i = parseLong(args, i, options);
            } else if (a.startsWith("-") && a.length() > 1) {
                i = parseShort(args, i, options);
            } else if (stopAtOperand) {
                operands.addAll(args.subList(i, args.size()));
                break;
            } else {
                operands.add(a);
            }
        }
        return new Parsed(options, operands);
    }

    private int parseShort(List<String> args, int i, List<Option> out) throws UsageError {
        String a = args.get(i);
        for (int j = 1; j < a.length(); j++) {
            char c = a.charAt(j);
            Spec s = specs.stream().filter(x -> x.shortName == c && c != 0).findFirst()
                    .orElseThrow(() -> new UsageError("invalid option -- '" + c + "'"));
            switch (s.arg) {
                case NONE -> out.add(new Option(s.key, Optional.empty()));
                case OPTIONAL -> {
                    out.add(new Option(s.key, j + 1 < a.length() ? Optional.of(a.substring(j + 1)) : Optional.empty()));
                    return i;
                }
                case REQUIRED -> {
                    if (j + 1 < a.length()) {
                        out.add(new Option(s.key, Optional.of(a.substring(j + 1))));
                    } else if (i + 1 < args.size()) {
                        out.add(new Option(s.key, Optional.of(args.get(++i))));
                    } else {
                        throw new UsageError("option requires an argument -- '" + c + "'");
                    }
                    return i;
                }
            }
        }
        return i;
    }

    private int parseLong(List<String> args, int i, List<Option> out) throws UsageError {
        String a = args.get(i);
        int eq = a.indexOf('=');
        String name = eq < 0 ? a.substring(2) : a.substring(2, eq);
        Spec s = findLong(name, a);
        Optional<String> value = eq < 0 ? Optional.empty() : Optional.of(a.substring(eq + 1));
        switch (s.arg) {
            case NONE -> {
                if (value.isPresent()) throw new UsageError("option '--" + s.longName + "' doesn't allow an argument");
            }
            case REQUIRED -> {
                if (value.isEmpty()) {
                    if (i + 1 >= args.size()) throw new UsageError("option '--" + s.longName + "' requires an argument");
                    value = Optional.of(args.get(++i));
                }
            }
            case OPTIONAL -> { }
        }
        out.add(new Option(s.key, value));
        return i;
    }

    private Spec findLong(String name, String arg) throws UsageError {
        Map<String, Spec> matches = new LinkedHashMap<>();
        for (Spec s : specs) {
            if (s.longName == null) continue;
            if (s.longName.equals(name)) return s;
            if (s.longName.startsWith(name)) matches.putIfAbsent(s.longName, s);
        }
        if (matches.size() == 1) return matches.values().iterator().next();
        if (matches.isEmpty()) throw new UsageError("unrecognized option '" + arg + "'");
        boolean sameKey = matches.values().stream().map(Spec::key).distinct().count() == 1;
        if (sameKey) return matches.values().iterator().next();
        StringBuilder sb = new StringBuilder("option '" + arg + "' is ambiguous; possibilities:");
        for (String n : matches.keySet()) sb.append(" '--").append(n).append('\'');
        throw new UsageError(sb.toString());
    }
}
