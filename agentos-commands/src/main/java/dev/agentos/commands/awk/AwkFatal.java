package dev.agentos.commands.awk;

/** A fatal awk error: printed as {@code awk: cmd. line:N: fatal: message}, exit status 2. */
final class AwkFatal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean withLocation;

    AwkFatal(String message) { this(message, true); }

    AwkFatal(String message, boolean withLocation) {
        super(message, null, false, false);
        this.withLocation = withLocation;
    }
}
