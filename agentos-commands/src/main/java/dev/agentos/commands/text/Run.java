package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.kernel.proc.ProcessContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** One run of a {@link TextCommand}: context, parsed options, 64 KiB-buffered stdout, GNU errors. */
final class Run {
    final ProcessContext ctx;
    final String name;
    final Getopt.Parsed parsed;
    final BufferedOutputStream out;

    /** Thrown to end the command with a status after its message was printed. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Failure(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    Run(ProcessContext ctx, String name, Getopt.Parsed parsed) {
        this.ctx = ctx;
        this.name = name;
        this.parsed = parsed;
        this.out = new BufferedOutputStream(ctx.stdout(), TextIo.BLOCK);
    }

    boolean has(String key) { return parsed.has(key); }
    Optional<String> last(String key) { return parsed.last(key); }
    List<String> operands() { return parsed.operands(); }

    /** Operands, or "-" when there are none. */
    List<String> files() {
        return parsed.operands().isEmpty() ? List.of("-") : parsed.operands();
    }

    void print(String s) { write(s.getBytes(StandardCharsets.UTF_8)); }

    void write(byte[] b) { write(b, 0, b.length); }

    void write(byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(int b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code name: message} on stderr, stdout flushed first. */
    void error(String message) {
        flush();
        byte[] b = (name + ": " + message + "\n").getBytes(StandardCharsets.UTF_8);
        ctx.write(2, b, 0, b.length);
    }

    void error(String operand, AgentOsException e) {
        error(operand + ": " + TextIo.reason(e));
    }

    /** A fatal error: message, then end with status. */
    Failure fail(int status, String message) {
        error(message);
        return new Failure(status);
    }

    /** A usage error: message, the Try line, then end with status. */
    Failure usage(int status, String message) {
        flush();
        String text = (message == null ? "" : name + ": " + message + "\n") + "Try '" + name + " --help' for more information.\n";
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ctx.write(2, b, 0, b.length);
        return new Failure(status);
    }
}
