package dev.agentos.commands.search.find;

import dev.agentos.AgentOsException;
import dev.agentos.commands.files.ListingDate;
import dev.agentos.commands.search.CommandIo;
import dev.agentos.commands.system.DateInput;
import dev.agentos.kernel.vfs.FileStat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * find's tests that compare each file with a reference file or date: {@code -newer}, {@code -anewer},
 * {@code -cnewer}, {@code -newerXY} and {@code -samefile}.
 */
final class ReferenceTests {
    private final Find.Walker walker;

    ReferenceTests(Find.Walker walker) { this.walker = walker; }

    /** The test for predicate {@code p}, reading its argument from {@code arg}; empty when {@code p} is not one of these. */
    Optional<Expr> parse(String p, Supplier<String> arg) {
        switch (p) {
            case "-newer" -> { return Optional.of(newer('m', 'm', arg.get())); }
            case "-anewer" -> { return Optional.of(newer('a', 'm', arg.get())); }
            case "-cnewer" -> { return Optional.of(newer('c', 'm', arg.get())); }
            case "-samefile" -> {
                FileStat ref = stat(arg.get());
                return Optional.of(new Expr.Test(e -> e.stat.dev() == ref.dev() && e.stat.ino() == ref.ino()));
            }
            default -> { }
        }
        if (p.length() == 8 && p.startsWith("-newer")) {
            char x = p.charAt(6);
            char y = p.charAt(7);
            if ("aBcm".indexOf(x) >= 0 && "aBcmt".indexOf(y) >= 0) return Optional.of(newer(x, y, arg.get()));
            throw new ExprParser.FindError("invalid predicate `" + p + "'");
        }
        return Optional.empty();
    }

    /** True for files whose time {@code x} is after the reference's time {@code y} ('t': the reference is a date). */
    private Expr newer(char x, char y, String ref) {
        long t;
        if (y == 't') {
            t = DateInput.epochNanos(ref, ListingDate.zone(walker.ctx.getenv("TZ").orElse("UTC")), walker.now)
                    .orElseThrow(() -> new ExprParser.FindError("I cannot figure out how to interpret " + Find.Walker.quote(ref) + " as a date or time"));
        } else {
            t = time(y).applyAsLong(stat(ref));
        }
        ToLongFunction<FileStat> mine = time(x);
        return new Expr.Test(e -> mine.applyAsLong(e.stat) > t);
    }

    private static ToLongFunction<FileStat> time(char c) {
        return switch (c) {
            case 'a' -> FileStat::atimeNanos;
            case 'B' -> FileStat::birthtimeNanos;
            case 'c' -> FileStat::ctimeNanos;
            default -> FileStat::mtimeNanos;
        };
    }

    private FileStat stat(String ref) {
        try {
            return walker.follow == Find.Walker.Follow.NEVER ? walker.ctx.lstat(ref) : walker.ctx.stat(ref);
        } catch (AgentOsException e) {
            throw new ExprParser.FindError(Find.Walker.quote(ref) + ": " + CommandIo.reason(e));
        }
    }
}
