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
    private final Matcher matcher;
    private final Matcher probe;
    private final boolean longest;
    private final boolean matchNothing;
    final List<String> warnings;

    LineMatcher(List<String> patterns, Kind kind, boolean ignoreCase, boolean word, boolean line) {
        StringBuilder sb = new StringBuilder();
        int groups = 0;
        boolean alternation = patterns.size() > 1;
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
    }

    /** Points the matcher at one line, {@code buf[start..end)}; positions are then relative to start. */
    void line(byte[] buf, int start, int end) {
        chars.set(buf, start, end - start);
        matcher.reset();
        probe.reset();
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
        if (longest) matchEnd = PosixRegex.longestEnd(probe, matchStart, matchEnd, chars.length());
        return true;
    }

    int matchStart;
    int matchEnd;
}
