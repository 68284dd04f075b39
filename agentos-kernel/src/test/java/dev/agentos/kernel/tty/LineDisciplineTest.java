package dev.agentos.kernel.tty;

import static dev.agentos.kernel.tty.PtyHarness.FOREGROUND;
import static dev.agentos.kernel.tty.PtyHarness.HANG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;


import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LineDisciplineTest {
    private final PtyHarness h = new PtyHarness();

    @Test void typedCharactersAreEchoedAndEnterBecomesNewline() {
        h.type("ls -l\r");
        assertThat(h.screen()).isEqualTo("ls -l\r\n");
        assertThat(h.slaveRead()).isEqualTo("ls -l\n");
    }

    @Test void slaveOutputNewlinesReachTheMasterAsCrLf() {
        PtyHarness.write(h.slave, "a\nb\n");
        assertThat(h.screen()).isEqualTo("a\r\nb\r\n");
    }

    @Test void canonicalReadWaitsForTheWholeLine() throws Exception {
        h.type("abc");
        assertThat(h.slaveReadable()).isFalse();
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> line.complete(h.slaveRead()));
        Threads.awaitParked(reader);
        assertThat(line).isNotDone();
        h.type("\n");
        assertThat(assertTimeoutPreemptively(HANG, () -> line.get())).isEqualTo("abc\n");
    }

    @Test void eachReadReturnsAtMostOneLineAndSmallBuffersGetItInPieces() {
        h.type("first\nsecond\n");
        assertThat(h.slaveRead(4)).isEqualTo("firs");
        assertThat(h.slaveRead(100)).isEqualTo("t\n");
        assertThat(h.slaveRead(100)).isEqualTo("second\n");
    }

    @Test void eraseRemovesOneCharacterAndRubsItOut() {
        h.type("abx\u007fc\bd\n"); // DEL and ^H both erase
        assertThat(h.slaveRead()).isEqualTo("abd\n");
        assertThat(h.screen()).isEqualTo("abx\b \bc\b \bd\r\n");
    }

    @Test void eraseRemovesAWholeMultiByteCharacter() {
        h.type("aé€\u007f\u007f!\n");
        assertThat(h.slaveRead()).isEqualTo("a!\n");
        assertThat(h.screen()).isEqualTo("aé€\b \b\b \b!\r\n");
    }

    @Test void eraseOfAControlCharacterRubsOutItsCaretForm() {
        h.type("x\u0001\u007f\n");
        assertThat(h.screen()).isEqualTo("x^A\b \b\b \b\r\n");
        assertThat(h.slaveRead()).isEqualTo("x\n");
    }

    @Test void eraseOfATabMovesBackToWhereTheTabStarted() {
        PtyHarness.write(h.slave, "$ "); // a prompt: the line starts at column 2
        h.screen();
        h.type("\t\u007f");
        assertThat(h.screen()).isEqualTo("\t\b\b\b\b\b\b");
    }

    @Test void eraseOnAnEmptyLineDoesNothing() {
        h.type("\u007f\n");
        assertThat(h.screen()).isEqualTo("\r\n");
        assertThat(h.slaveRead()).isEqualTo("\n");
    }

    @Test void killErasesTheWholeLine() {
        h.type("junk\u0015ok\n");
        assertThat(h.slaveRead()).isEqualTo("ok\n");
        assertThat(h.screen()).isEqualTo("junk" + "\b \b".repeat(4) + "ok\r\n");
    }

    @Test void killWithoutEchokeEchoesTheKillCharacterAndANewline() {
        Termios t = Termios.defaults();
        h.pty.terminal().setAttributes(t.withLflag(t.lflag() & ~Termios.ECHOKE));
        h.type("junk\u0015ok\n");
        assertThat(h.screen()).isEqualTo("junk^U\r\nok\r\n");
        assertThat(h.slaveRead()).isEqualTo("ok\n");
    }

    @Test void wordEraseRemovesTheLastWordAndTheBlanksAfterIt() {
        h.type("echo foo bar  \u0017baz\n");
        assertThat(h.slaveRead()).isEqualTo("echo foo baz\n");
        h.type("naïve\u0017x\n"); // a multi-byte letter is part of the word
        assertThat(h.slaveRead()).isEqualTo("x\n");
        h.type("a/b.c\u0017\u0017\n"); // punctuation ends words
        assertThat(h.slaveRead()).isEqualTo("a/\n");
    }

    @Test void literalNextInsertsASpecialCharacter() {
        h.type("a\u0016\u0015b\n");
        assertThat(h.slaveRead()).isEqualTo("a\u0015b\n");
        assertThat(h.screen()).isEqualTo("a^\b^Ub\r\n");
    }

    @Test void reprintShowsTheLineAgain() {
        h.type("abc\u0012");
        assertThat(h.screen()).isEqualTo("abc^R\r\nabc");
    }

    @Test void controlCharactersEchoInCaretForm() {
        h.type("\u0001\u001b\n");
        assertThat(h.screen()).isEqualTo("^A^[\r\n");
        assertThat(h.slaveRead()).isEqualTo("\u0001\u001b\n");
    }

    @Test void interruptSignalsTheForegroundGroupFlushesInputAndEchoesCaretC() {
        h.type("done\npartial\u0003");
        assertThat(h.signals.sent).containsExactly(FOREGROUND + ":SIGINT");
        assertThat(h.screen()).isEqualTo("done\r\npartial^C");
        h.type("next\n");
        assertThat(h.slaveRead()).isEqualTo("next\n"); // "done" and "partial" were flushed
    }

    @Test void noflshKeepsPendingInputAcrossAnInterrupt() {
        Termios t = Termios.defaults();
        h.pty.terminal().setAttributes(t.withLflag(t.lflag() | Termios.NOFLSH));
        h.type("keep\n\u0003");
        assertThat(h.slaveRead()).isEqualTo("keep\n");
    }

    @Test void suspendAndQuitSignalTheForegroundGroup() {
        h.type("\u001a\u001c");
        assertThat(h.signals.sent).containsExactly(FOREGROUND + ":SIGTSTP", FOREGROUND + ":SIGQUIT");
        assertThat(h.screen()).isEqualTo("^Z^\\");
    }

    @Test void eofOnAnEmptyLineReadsAsEndOfFileOnceThenReadsBlockAgain() throws Exception {
        h.type("\u0004");
        assertThat(h.screen()).isEmpty(); // ^D is not echoed
        assertThat(h.slaveRead()).isEqualTo("<EOF>");
        CompletableFuture<String> next = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> next.complete(h.slaveRead()));
        Threads.awaitParked(reader);
        h.type("exit\n");
        assertThat(assertTimeoutPreemptively(HANG, () -> next.get())).isEqualTo("exit\n");
    }

    @Test void eofOnANonEmptyLinePushesTheLineWithoutANewline() {
        h.type("abc\u0004");
        assertThat(h.slaveRead()).isEqualTo("abc");
        h.type("\u0004");
        assertThat(h.slaveRead()).isEqualTo("<EOF>");
    }

    @Test void rawModePassesBytesThroughWithoutEchoSignalsOrTranslation() {
        h.pty.terminal().setAttributes(Termios.defaults().raw());
        h.type("a\u0003\r\u007f");
        assertThat(h.slaveRead()).isEqualTo("a\u0003\r\u007f");
        assertThat(h.screen()).isEmpty();
        assertThat(h.signals.sent).isEmpty();
        PtyHarness.write(h.slave, "x\n");
        assertThat(h.screen()).isEqualTo("x\n");
    }

    @Test void nonCanonicalModeWithEchoStillEchoes() {
        Termios t = Termios.defaults();
        h.pty.terminal().setAttributes(t.withLflag(t.lflag() & ~Termios.ICANON));
        h.type("q");
        assertThat(h.slaveRead()).isEqualTo("q");
        assertThat(h.screen()).isEqualTo("q");
    }

    @Test void switchingToRawMakesTheHalfTypedLineReadable() {
        h.type("half");
        assertThat(h.slaveReadable()).isFalse();
        h.pty.terminal().setAttributes(Termios.defaults().raw());
        assertThat(h.slaveRead()).isEqualTo("half");
    }

    @Test void aCanonicalLineKeepsAtMost4095BytesPlusItsNewline() {
        h.type("x".repeat(5000) + "\n");
        assertThat(h.slaveRead(10_000)).isEqualTo("x".repeat(4095) + "\n");
    }

    @Test void disabledControlCharactersAreOrdinary() {
        h.type("a\u0000b\n"); // VEOL is 0 (_POSIX_VDISABLE): NUL does not end the line
        assertThat(h.slaveRead()).isEqualTo("a\u0000b\n");
    }
}
