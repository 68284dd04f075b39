package dev.agentos.shell;

/** A parse failure, worded as bash words it; {@code lineText} is the offending line (null for end of file). */
final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;
    final String lineText;

    SyntaxError(String message, int line, String lineText) {
        super(message, null, false, false);
        this.line = line;
        this.lineText = lineText;
    }
}
