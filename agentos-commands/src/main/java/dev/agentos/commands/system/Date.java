package dev.agentos.commands.system;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** date: prints the VM clock's time (or a given one) in a GNU date format, in the TZ variable's zone. */
final class Date extends GnuCommand {
    private static final List<String> ISO_ARGS = List.of("hours", "minutes", "date", "seconds", "ns");
    private static final List<String> RFC3339_ARGS = List.of("date", "seconds", "ns");

    @Override protected String name() { return "date"; }

    @Override protected Getopt options() {
        return Getopt.create()
                .withArg('d', "date", "d")
                .withArg('f', "file", "f")
                .optionalArg('I', "iso-8601", "I")
                .flag('R', "rfc-email", "R")
                .withArg((char) 0, "rfc-3339", "rfc3339")
                .withArg('r', "reference", "r")
                .withArg('s', "set", "s")
                .flag('u', "utc", "u")
                .flag((char) 0, "universal", "u")
                .flag((char) 0, "debug", "debug");
    }

    @Override protected String usage() {
        return """
                Usage: date [OPTION]... [+FORMAT]
                  or:  date [-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]
                Display date and time in the given FORMAT.
                With -s, or with [MMDDhhmm[[CC]YY][.ss]], set the date and time.

                Mandatory arguments to long options are mandatory for short options too.
                  -d, --date=STRING          display time described by STRING, not 'now'
                      --debug                annotate the parsed date,
                                              and warn about questionable usage to stderr
                  -f, --file=DATEFILE        like --date; once for each line of DATEFILE
                  -I[FMT], --iso-8601[=FMT]  output date/time in ISO 8601 format.
                                               FMT='date' for date only (the default),
                                               'hours', 'minutes', 'seconds', or 'ns'
                                               for date and time to the indicated precision.
                                               Example: 2006-08-14T02:34:56-06:00
                  -R, --rfc-email            output date and time in RFC 5322 format.
                                               Example: Mon, 14 Aug 2006 02:34:56 -0600
                      --rfc-3339=FMT         output date/time in RFC 3339 format.
                                               FMT='date', 'seconds', or 'ns'
                                               for date and time to the indicated precision.
                                               Example: 2006-08-14 02:34:56-06:00
                  -r, --reference=FILE       display the last modification time of FILE
                  -s, --set=STRING           set time described by STRING
                  -u, --utc, --universal     print or set Coordinated Universal Time (UTC)
                      --help        display this help and exit
                      --version     output version information and exit
                """;
    }

    @Override protected int execute(Invocation inv) {
        var ctx = inv.ctx();
        List<String> formats = new ArrayList<>();
        for (var o : inv.options().options()) {
            switch (o.key()) {
                case "I" -> {
                    Optional<String> f = o.value().isEmpty() ? Optional.of("date") : argMatch(inv, o.value().get(), ISO_ARGS, "--iso-8601");
                    if (f.isEmpty()) return 1;
                    formats.add(iso(f.get()));
                }
                case "rfc3339" -> {
                    Optional<String> f = argMatch(inv, o.value().orElse(""), RFC3339_ARGS, "--rfc-3339");
                    if (f.isEmpty()) return 1;
                    formats.add(switch (f.get()) {
                        case "date" -> "%Y-%m-%d";
                        case "seconds" -> "%Y-%m-%d %H:%M:%S%:z";
                        default -> "%Y-%m-%d %H:%M:%S.%N%:z";
                    });
                }
                case "R" -> formats.add("%a, %d %b %Y %H:%M:%S %z");
                default -> { }
            }
        }
        List<String> ops = inv.operands();
        if (ops.size() > 1) return usageError(inv, "extra operand " + Invocation.quote(ops.get(1)));
        if (ops.size() == 1) {
            if (!ops.get(0).startsWith("+")) {
                inv.error(inv.has("d") || inv.has("r") || inv.has("s") || !formats.isEmpty()
                        ? "the argument " + Invocation.quote(ops.get(0)) + " lacks a leading '+';\n"
                        + "when using an option to specify date(s), any non-option\nargument must be a format string beginning with '+'\n"
                        + "Try 'date --help' for more information."
                        : "invalid date " + Invocation.quote(ops.get(0)));
                return 1;
            }
            formats.add(ops.get(0).substring(1));
        }
        if (formats.size() > 1) {
            inv.error("multiple output formats specified");
            return 1;
        }
        int sources = (inv.has("d") ? 1 : 0) + (inv.has("r") ? 1 : 0) + (inv.has("s") ? 1 : 0) + (inv.has("f") ? 1 : 0);
        if (sources > 1) return usageError(inv, "the options to specify dates for printing are mutually exclusive");
        String format = formats.isEmpty() ? "%a %b %e %H:%M:%S %Z %Y" : formats.get(0);
        TimeZones tz = inv.has("u") ? TimeZones.utc() : TimeZones.of(ctx.getenv("TZ"));
        ZonedDateTime now = ctx.clock().instant().atZone(tz.zone());
        if (inv.has("s")) {
            String s = inv.options().last("s").orElse("");
            if (DateInput.parse(s, now).isEmpty()) {
                inv.error("invalid date " + Invocation.quote(s));
                return 1;
            }
            inv.error("cannot set date: Operation not permitted");
            print(inv, format, now, tz);
            return 1;
        }
        if (inv.has("r")) {
            String file = inv.options().last("r").get();
            try {
                long m = ctx.stat(file).mtimeNanos();
                ZonedDateTime t = Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000_000L), Math.floorMod(m, 1_000_000_000L)).atZone(tz.zone());
                print(inv, format, t, tz);
                return 0;
            } catch (AgentOsException e) {
                inv.error(file, e);
                return 1;
            }
        }
        if (inv.has("f")) return fromFile(inv, inv.options().last("f").get(), format, now, tz);
        if (inv.has("d")) {
            String d = inv.options().last("d").get();
            Optional<ZonedDateTime> t = DateInput.parse(d, now);
            if (t.isEmpty()) {
                inv.error("invalid date " + Invocation.quote(d));
                return 1;
            }
            print(inv, format, t.get(), tz);
            return 0;
        }
        print(inv, format, now, tz);
        return 0;
    }

    private int fromFile(Invocation inv, String file, String format, ZonedDateTime now, TimeZones tz) {
        String text;
        try (var in = inv.open(file)) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (AgentOsException e) {
            inv.error(file, e);
            return 1;
        } catch (java.io.IOException e) {
            inv.error(file + ": " + e.getMessage());
            return 1;
        }
        int status = 0;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty() && text.endsWith("\n")) continue;
            Optional<ZonedDateTime> t = DateInput.parse(line, now);
            if (t.isEmpty()) {
                inv.error("invalid date " + Invocation.quote(line));
                status = 1;
            } else {
                print(inv, format, t.get(), tz);
            }
        }
        return status;
    }

    private static void print(Invocation inv, String format, ZonedDateTime t, TimeZones tz) {
        inv.print(Strftime.format(format, t, tz.abbreviation(t)) + "\n");
    }

    private static String iso(String precision) {
        return switch (precision) {
            case "date" -> "%Y-%m-%d";
            case "hours" -> "%Y-%m-%dT%H%:z";
            case "minutes" -> "%Y-%m-%dT%H:%M%:z";
            case "seconds" -> "%Y-%m-%dT%H:%M:%S%:z";
            default -> "%Y-%m-%dT%H:%M:%S,%N%:z";
        };
    }

    /** argmatch: an exact or unique-prefix match, or GNU's "invalid argument" list. */
    private static Optional<String> argMatch(Invocation inv, String arg, List<String> valid, String option) {
        if (valid.contains(arg)) return Optional.of(arg);
        List<String> m = valid.stream().filter(v -> v.startsWith(arg) && !arg.isEmpty()).toList();
        if (m.size() == 1) return m.stream().findFirst();
        StringBuilder sb = new StringBuilder((m.isEmpty() ? "invalid" : "ambiguous") + " argument "
                + Invocation.quote(arg) + " for " + Invocation.quote(option) + "\nValid arguments are:");
        for (String v : valid) sb.append("\n  - ").append(Invocation.quote(v));
        sb.append("\nTry 'date --help' for more information.");
        inv.error(sb.toString());
        return Optional.empty();
    }

    private static int usageError(Invocation inv, String message) {
        inv.error(message + "\nTry 'date --help' for more information.");
        return 1;
    }
}
