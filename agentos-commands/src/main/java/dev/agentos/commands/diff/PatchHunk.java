package dev.agentos.commands.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * One hunk of a patch, whatever format it came in: its lines in order, each kept ({@code ' '}),
 * removed ({@code '-'}) or added ({@code '+'}), text including its newline unless the patch said
 * "No newline at end of file". {@code oldStart} and {@code newStart} are as written in the header.
 */
record PatchHunk(int oldStart, int newStart, List<Line> lines, int headerLine) {
    record Line(char kind, String text) {}

    List<String> oldLines() {
        List<String> out = new ArrayList<>();
        for (Line l : lines) if (l.kind != '+') out.add(l.text);
        return out;
    }

    List<String> newLines() {
        List<String> out = new ArrayList<>();
        for (Line l : lines) if (l.kind != '-') out.add(l.text);
        return out;
    }

    /** Context lines before the first change. */
    int prefixContext() {
        int n = 0;
        for (Line l : lines) {
            if (l.kind != ' ') break;
            n++;
        }
        return n;
    }

    /** Context lines after the last change. */
    int suffixContext() {
        int n = 0;
        for (int i = lines.size() - 1; i >= 0 && lines.get(i).kind == ' '; i--) n++;
        return n;
    }

    /** The line the hunk expects to start at in the old file (an insertion goes after oldStart). */
    int oldFirst() {
        return oldLines().isEmpty() ? oldStart + 1 : oldStart;
    }

    int newFirst() {
        return newLines().isEmpty() ? newStart + 1 : newStart;
    }

    /** The same hunk undoing itself (for -R and reversed-patch detection). */
    PatchHunk reversed() {
        List<Line> out = new ArrayList<>();
        List<Line> adds = new ArrayList<>();
        for (Line l : lines) {
            switch (l.kind) {
                case '-' -> adds.add(new Line('+', l.text));
                case '+' -> out.add(new Line('-', l.text));
                default -> {
                    out.addAll(adds);
                    adds.clear();
                    out.add(l);
                }
            }
        }
        out.addAll(adds);
        return new PatchHunk(newStart, oldStart, out, headerLine);
    }
}
