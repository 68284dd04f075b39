package dev.agentos.commands.awk;

/** A syntax error at a position of the program source. */
final class ParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;
    final int pos;

    ParseError(String message, int line, int pos) {
        super(message, null, false, false);
        this.line = line;
        this.pos = pos;
    }
}
