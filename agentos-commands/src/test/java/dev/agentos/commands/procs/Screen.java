package dev.agentos.commands.procs;

import dev.agentos.kernel.io.FileDescription;
import java.nio.charset.StandardCharsets;

/** What a program wrote to a pipe or a terminal master, with waits for text to appear. */
final class Screen {
    private final StringBuilder text = new StringBuilder();
    private boolean ended;

    Screen(FileDescription source) {
        Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = source.read(buf, 0, buf.length)) > 0) {
                    synchronized (this) {
                        text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        notifyAll();
                    }
                }
            } catch (RuntimeException e) {
                // the writer went away
            }
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        });
    }

    /** Waits until {@code s} appears at or after {@code from}; returns the position after it. */
    synchronized int await(String s, int from) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (text.indexOf(s, from) < 0) {
            long left = deadline - System.currentTimeMillis();
            if (ended || left <= 0) {
                throw new AssertionError("never saw '" + s + "' in: " + text.toString().replace("\r", "\\r").replace("\n", "\\n").replace("\033", "\\e"));
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return text.indexOf(s, from) + s.length();
    }

    /** Waits for the writer to close its end. */
    synchronized String awaitEnd() {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!ended) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) throw new AssertionError("output never ended: " + text);
            try {
                wait(left);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return text.toString();
    }

    synchronized String text() { return text.toString(); }
}
