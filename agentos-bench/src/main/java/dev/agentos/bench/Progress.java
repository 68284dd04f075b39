package dev.agentos.bench;

import java.io.PrintStream;

/**
 * Progress of a running scenario on stderr: one rewritten line on a terminal, a line per quarter
 * otherwise (so CI logs stay short).
 */
final class Progress {

    private final PrintStream err;
    private final boolean terminal;
    private String scenario = "";
    private int lastQuarter = -1;

    Progress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static Progress silent() {
        return new Progress(new PrintStream(PrintStream.nullOutputStream()), false);
    }

    void start(String scenario) {
        this.scenario = scenario;
        this.lastQuarter = -1;
        err.println("[" + scenario + "] starting");
    }

    void step(String phase, long done, long total) {
        if (terminal) {
            err.print("\r[" + scenario + "] " + phase + " " + done + "/" + total + "   ");
            if (done == total) {
                err.println();
            }
            err.flush();
            return;
        }
        int quarter = total == 0 ? 4 : (int) (done * 4 / total);
        if (quarter != lastQuarter) {
            lastQuarter = quarter;
            err.println("[" + scenario + "] " + phase + " " + done + "/" + total);
        }
        if (done == total) {
            lastQuarter = -1;
        }
    }

    void note(String message) {
        err.println("[" + scenario + "] " + message);
    }
}
