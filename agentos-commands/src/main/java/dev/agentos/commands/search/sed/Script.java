package dev.agentos.commands.search.sed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A parsed sed program: a flat list of commands, blocks and jumps resolved to indexes. */
final class Script {
    final List<Command> commands = new ArrayList<>();
    boolean quietFromComment;

    /** How an address selects lines. */
    enum AddrKind { LINE, LAST, REGEX, STEP, ZERO, PLUS, TILDE }

    /** One address; for REGEX a null pattern means "the last regex used". */
    record Address(AddrKind kind, long n, long step, Regex regex) {}

    /** A compiled regex with what s needs to know about it, and its reusable matchers. */
    static final class Regex {
        final Pattern pattern;
        final boolean longest;
        final int groups;
        java.util.regex.Matcher matcher;
        java.util.regex.Matcher probe;

        Regex(Pattern pattern, boolean longest, int groups) {
            this.pattern = pattern;
            this.longest = longest;
            this.groups = groups;
        }

        java.util.regex.Matcher matcher(CharSequence text) {
            if (matcher == null) {
                matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                probe = pattern.matcher(text);
            } else {
                matcher.reset(text);
                probe.reset(text);
            }
            return matcher;
        }
    }

    /** The parts of an s replacement. */
    sealed interface Part {
        record Literal(byte[] bytes) implements Part {}
        record Group(int n) implements Part {}
        /** Case conversion: L, U, E (modes) or l, u (one-shot). */
        record Case(char op) implements Part {}
    }

    /** s's compiled form. */
    static final class Subst {
        Regex regex;
        List<Part> replacement;
        boolean hasCase;
        boolean global;
        boolean print;
        int printCount;
        long occurrence = 1;
        boolean eval;
        String wfile;
    }

    /** One command with its addresses and arguments. */
    static final class Command {
        Address a1;
        Address a2;
        boolean negate;
        char op;
        String text;
        byte[] textBytes;
        Subst subst;
        int intArg = -1;
        byte[] ymap;
        int jump = -1;
        // range state
        boolean inRange;
        long rangeEnd;
    }
}
