package dev.agentos.commands.diff;

/** The options of one patch run. {@code strip} is -1 when -p was not given (patch then uses base names). */
record PatchOptions(int strip, boolean reverse, boolean dryRun, String input, String output, boolean forward,
                    boolean backup, boolean force, boolean batch, boolean silent, int fuzz, boolean removeEmpty,
                    String rejectFile, String directory, String origFile) {
    static final class Builder {
        int strip = -1;
        boolean reverse, dryRun, forward, backup, force, batch, silent, removeEmpty;
        String input, output, rejectFile, directory, origFile;
        int fuzz = 2;

        PatchOptions build() {
            return new PatchOptions(strip, reverse, dryRun, input, output, forward, backup, force, batch, silent, fuzz,
                    removeEmpty, rejectFile, directory, origFile);
        }
    }
}
