package dev.agentos.kernel.proc;

/** A process's state, with the letter ps shows. */
public enum ProcessState {
    RUNNING('R'), SLEEPING('S'), STOPPED('T'), ZOMBIE('Z'), EXITED('X');

    private final char letter;

    ProcessState(char letter) { this.letter = letter; }

    public char letter() { return letter; }
}
