package dev.agentos.commands.diff;

import dev.agentos.kernel.proc.ProcessContext;

/**
 * The little of POSIX locales diffutils output depends on: in the C locale (glibc's "not a hard
 * locale") cmp says "char" instead of "byte", context headers use ctime's date format, and names
 * stay ASCII.
 */
final class Locale {
    private Locale() {}

    /** True when the category's effective locale is C or POSIX (or nothing is set). */
    static boolean isC(ProcessContext ctx, String category) {
        String v = ctx.getenv("LC_ALL").filter(s -> !s.isEmpty())
                .or(() -> ctx.getenv(category).filter(s -> !s.isEmpty()))
                .or(() -> ctx.getenv("LANG").filter(s -> !s.isEmpty()))
                .orElse("C");
        return v.equals("C") || v.equals("POSIX");
    }
}
