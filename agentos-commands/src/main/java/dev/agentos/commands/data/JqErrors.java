package dev.agentos.commands.data;

/** Rewords jackson-jq's runtime error messages into jq 1.6's where they differ. */
final class JqErrors {
    private JqErrors() {}

    static String translate(String message) {
        return message;
    }
}
