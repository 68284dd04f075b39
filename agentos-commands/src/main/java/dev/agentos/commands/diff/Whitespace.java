package dev.agentos.commands.diff;

/** How white space counts when lines are compared (GNU's order: later ones ignore more). */
enum Whitespace {
    /** Every byte counts. */
    NONE,
    /** -Z: white space at line end is ignored. */
    TRAILING,
    /** -b: runs of white space compare equal to one space; trailing white space is ignored. */
    SPACE_CHANGE,
    /** -w: all white space is ignored. */
    ALL
}
