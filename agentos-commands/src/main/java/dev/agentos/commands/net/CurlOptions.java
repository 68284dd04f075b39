package dev.agentos.commands.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * curl's command line: short options cluster ({@code -sSL}) and take their argument attached or
 * next; long options match exactly (no abbreviations, no {@code =}), boolean ones also as
 * {@code --no-NAME}; anything not an option is a URL, wherever it stands.
 */
final class CurlOptions {
    /** A parsed option: its long name and its argument (null for a flag; "false" for --no-NAME). */
    record Option(String name, String value) {}

    /** An option curl does not know or one missing its argument: curl's status 2. */
    static final class Unknown extends Exception {
        private static final long serialVersionUID = 1L;

        Unknown(String message) {
            super(message, null, false, false);
        }
    }

    private record Spec(String longName, boolean takesArg) {}

    private static final Map<Character, Spec> SHORT = Map.ofEntries(
            Map.entry('X', new Spec("request", true)), Map.entry('H', new Spec("header", true)),
            Map.entry('d', new Spec("data", true)), Map.entry('o', new Spec("output", true)),
            Map.entry('O', new Spec("remote-name", false)), Map.entry('s', new Spec("silent", false)),
            Map.entry('S', new Spec("show-error", false)), Map.entry('f', new Spec("fail", false)),
            Map.entry('L', new Spec("location", false)), Map.entry('i', new Spec("include", false)),
            Map.entry('I', new Spec("head", false)), Map.entry('w', new Spec("write-out", true)),
            Map.entry('u', new Spec("user", true)), Map.entry('v', new Spec("verbose", false)),
            Map.entry('T', new Spec("upload-file", true)), Map.entry('A', new Spec("user-agent", true)),
            Map.entry('e', new Spec("referer", true)), Map.entry('m', new Spec("max-time", true)),
            Map.entry('k', new Spec("insecure", false)), Map.entry('G', new Spec("get", false)),
            Map.entry('D', new Spec("dump-header", true)), Map.entry('N', new Spec("no-buffer", false)),
            Map.entry('h', new Spec("help", false)), Map.entry('V', new Spec("version", false)));

    private static final List<Spec> LONG_ONLY = List.of(
            new Spec("data-binary", true), new Spec("data-raw", true), new Spec("data-urlencode", true),
            new Spec("data-ascii", true), new Spec("connect-timeout", true), new Spec("max-redirs", true),
            new Spec("fail-with-body", false), new Spec("url", true), new Spec("json", true),
            new Spec("create-dirs", false), new Spec("cacert", true));

    private CurlOptions() {}

    static Optional<Spec> longSpec(String name) {
        for (Spec s : SHORT.values()) if (s.longName.equals(name)) return Optional.of(s);
        for (Spec s : LONG_ONLY) if (s.longName.equals(name)) return Optional.of(s);
        return Optional.empty();
    }

    /** Options in order into {@code options}, URLs into {@code urls}. */
    static void parse(List<String> args, List<Option> options, List<String> urls) throws Unknown {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--") && a.length() > 2) {
                String name = a.substring(2);
                Optional<Spec> spec = longSpec(name);
                if (spec.isEmpty() && name.startsWith("no-")) {
                    Optional<Spec> positive = longSpec(name.substring(3));
                    if (positive.isPresent() && !positive.get().takesArg) {
                        options.add(new Option(positive.get().longName, "false"));
                        continue;
                    }
                }
                if (spec.isEmpty()) throw new Unknown("option " + a + ": is unknown");
                if (spec.get().takesArg) {
                    if (i + 1 >= args.size()) throw new Unknown("option " + a + ": requires parameter");
                    String value = args.get(++i);
                    if (spec.get().longName.equals("url")) urls.add(value);
                    else options.add(new Option(spec.get().longName, value));
                } else {
                    options.add(new Option(spec.get().longName, null));
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                for (int j = 1; j < a.length(); j++) {
                    char c = a.charAt(j);
                    Spec spec = SHORT.get(c);
                    if (spec == null) throw new Unknown("option -" + a.substring(j) + ": is unknown");
                    if (!spec.takesArg) {
                        options.add(new Option(spec.longName, null));
                        continue;
                    }
                    String value;
                    if (j + 1 < a.length()) value = a.substring(j + 1);
                    else if (i + 1 < args.size()) value = args.get(++i);
                    else throw new Unknown("option -" + c + ": requires parameter");
                    options.add(new Option(spec.longName, value));
                    break;
                }
            } else {
                urls.add(a);
            }
        }
    }

    /** All values of {@code name}, in order. */
    static List<String> all(List<Option> options, String name) {
        List<String> out = new ArrayList<>();
        for (Option o : options) if (o.name.equals(name)) out.add(o.value);
        return out;
    }

    /** Whether a flag is on: its last occurrence wins, and --no-NAME turns it off. */
    static boolean on(List<Option> options, String name) {
        boolean on = false;
        for (Option o : options) if (o.name.equals(name)) on = o.value == null;
        return on;
    }

    static Optional<String> last(List<Option> options, String name) {
        Optional<String> v = Optional.empty();
        for (Option o : options) if (o.name.equals(name)) v = Optional.ofNullable(o.value);
        return v;
    }
}
