package dev.agentos.commands.search.grep;

import dev.agentos.commands.search.regex.ByteChars;
import dev.agentos.commands.search.regex.PosixRegex;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** grep's patterns compiled once into one Java pattern, matched over byte lines in place. */
final class LineMatcher {
    enum Kind { BASIC, EXTENDED, FIXED, PERL }

    private final ByteChars chars = new ByteChars(new byte[0], 0, 0);
    private final ByteChars bufChars = new ByteChars(new byte[0], 0, 0);
    private final Matcher scanner;
    private final boolean prefilter;
    private long clearUntil = -1;
    private long candidate = -1;
    private long candidateEnd = -1;
    private final Matcher matcher;
    private final Matcher probe;
    private final boolean longest;
    private final boolean matchNothing;
    final List<String> warnings;

    LineMatcher(List<String> patterns, Kind kind, boolean ignoreCase, boolean word, boolean line) {
        StringBuilder sb = new StringBuilder();
        int groups = 0;
        boolean alternation = patterns.size() > 1;
        boolean anchored = kind == Kind.PERL || line;
        List<String> warns = new java.util.ArrayList<>();
        for (String p : patterns) {
            if (!sb.isEmpty()) sb.append('|');
            switch (kind) {
                case FIXED -> sb.append("(?:").append(Pattern.quote(p)).append(')');
                case PERL -> sb.append("(?:").append(p).append(')');
                default -> {
                    var opts = PosixRegex.Options.of(kind == Kind.BASIC ? PosixRegex.Syntax.BASIC : PosixRegex.Syntax.EXTENDED)
                            .withGroupOffset(groups);
                    var t = PosixRegex.translate(p, opts);
                    groups += t.groups();
                    alternation |= t.alternation();
                    anchored |= t.anchored();
                    warns.addAll(t.warnings());
                    sb.append("(?:").append(t.javaRegex()).append(')');
                }
            }
        }
        warnings = warns;
        matchNothing = patterns.isEmpty();
        String regex = sb.toString();
        if (word) regex = "(?<![A-Za-z0-9_])(?:" + regex + ")(?![A-Za-z0-9_])";
        if (line) regex = "^(?:" + regex + ")$";
        int flags = Pattern.UNIX_LINES | Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        Pattern pattern = Pattern.compile(regex, flags);
        matcher = pattern.matcher(chars).useTransparentBounds(true).useAnchoringBounds(false);
        probe = pattern.matcher(chars);
        longest = alternation;
        prefilter = !anchored && !matchNothing;
        scanner = pattern.matcher(bufChars).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /** Forgets what the buffer-wide scan knew (call per input). */
    void reset() {
        clearUntil = -1;
        candidate = -1;
    }

    /**
     * Whether the current line of {@code src} matches. When the pattern has no anchors, one scan over
     * the whole buffered text skips the lines before the next possible match (as GNU grep searches
     * buffers, not lines); candidate lines are then checked on their own.
     */
    boolean lineMatches(dev.agentos.commands.search.LineSource src) {
        byte[] buf = src.buffer();
        int s = src.start();
        int e = src.end();
        if (prefilter) {
            long ls = src.offset();
            long le = ls + (e - s);
            if (le < clearUntil) return false;
            if (candidate < ls || candidate > le) {
                long base = ls - s;
                bufChars.set(buf, 0, src.limit());
                scanner.reset(bufChars);
                scanner.region(s, src.limit());
                if (scanner.find()) {
                    candidate = base + scanner.start();
                    clearUntil = candidate;
                    candidateEnd = base + scanner.end();
                } else {
                    candidate = -1;
                    clearUntil = base + src.limit() + 1;
                }
                if (le < clearUntil) return false;
            }
            // a match lying inside the line is a match of the line: no anchors, and \n acts as text end
            line(buf, s, e);
            if (candidate >= ls && candidateEnd <= le) return true;
        } else {
            line(buf, s, e);
        }
        return matches();
    }

    /** Points the matcher at one line, {@code buf[start..end)}; positions are then relative to start. */
    void line(byte[] buf, int start, int end) {
        chars.set(buf, start, end - start);
        matcher.reset();
    }

    boolean matches() {
        return !matchNothing && matcher.find();
    }

    /** Finds the next match at or after {@code from} in the current line; false when none. */
    boolean find(int from) {
        if (matchNothing || from > chars.length()) return false;
        matcher.region(from, chars.length());
        if (!matcher.find()) return false;
        matchStart = matcher.start();
        matchEnd = matcher.end();
        if (longest) {
            probe.reset();
            matchEnd = PosixRegex.longestEnd(probe, matchStart, matchEnd, chars.length());
        }
        return true;
    }

    int matchStart;
    int matchEnd;
}
