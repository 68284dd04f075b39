package dev.agentos.commands.text;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import java.util.ArrayList;
import java.util.List;

/**
 * fmt: fills paragraphs with GNU's optimal line breaking (its costs for short and ragged lines,
 * sentence ends, widows and orphans). Supports -w, -g, -u, -s and -c; not -p or -t.
 */
final class Fmt extends TextCommand {
    @Override String name() { return "fmt"; }

    @Override Getopt options() {
        return Getopt.create().flag('c', "crown-margin", "c").withArg('p', "prefix", "p").flag('s', "split-only", "s")
                .flag('t', "tagged-paragraph", "t").flag('u', "uniform-spacing", "u").withArg('w', "width", "w").withArg('g', "goal", "g");
    }

    @Override List<String> normalize(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (i == 0 && a.length() > 1 && a.charAt(0) == '-' && a.substring(1).chars().allMatch(Character::isDigit)) out.add("-w" + a.substring(1));
            else out.add(a);
        }
        return out;
    }

    private static long equiv(long n) { return n * n; }
    private static long shortCost(long n) { return equiv(n * 10); }
    private static long raggedCost(long n) { return shortCost(n) / 2; }
    private static final long LINE_COST = equiv(70), SENTENCE_BONUS = equiv(50), NOBREAK_COST = equiv(600),
            PAREN_BONUS = equiv(40), PUNCT_BONUS = equiv(40);
    private static long widowCost(long n) { return equiv(200) / (n + 2); }
    private static long orphanCost(long n) { return equiv(150) / (n + 2); }

    /** A word with GNU's punctuation flags and the DP's results. */
    private static final class Word {
        String text;
        int space;
        boolean paren, period, punct, fin;
        long bestCost;
        int nextBreak, lineLength;
    }

    private int maxWidth, goalWidth;
    private boolean uniform, split, crown;

    @Override int execute(Run r) {
        return new Fmt().executeOnce(r);
    }

    private int executeOnce(Run r) {
        maxWidth = 75;
        if (r.last("w").isPresent()) {
            try {
                maxWidth = Integer.parseInt(r.last("w").get());
                if (maxWidth < 0 || maxWidth > 2500) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw r.fail(1, "invalid width: " + TextIo.quote(r.last("w").get()));
            }
        }
        goalWidth = maxWidth * (2 * (100 - 7) + 1) / 200;
        if (r.last("g").isPresent()) {
            try {
                goalWidth = Integer.parseInt(r.last("g").get());
            } catch (NumberFormatException e) {
                throw r.fail(1, "invalid width: " + TextIo.quote(r.last("g").get()));
            }
            if (!r.has("w")) maxWidth = goalWidth + 10;
        }
        if (goalWidth > maxWidth) throw r.fail(1, "invalid width: " + TextIo.quote(String.valueOf(goalWidth)) + ": Numerical result out of range");
        uniform = r.has("u");
        split = r.has("s");
        crown = r.has("c") || r.has("t");
        int status = 0;
        for (String f : r.files()) {
            int fd;
            try {
                fd = TextIo.open(r.ctx, f);
            } catch (AgentOsException e) {
                r.error("cannot open " + TextIo.quote(f) + " for reading: " + TextIo.reason(e));
                status = 1;
                continue;
            }
            try {
                byte[] all = TextIo.readAll(r.ctx, fd);
                format(r, new String(all, java.nio.charset.StandardCharsets.ISO_8859_1));
            } catch (AgentOsException e) {
                r.error("read error: " + TextIo.reason(e));
                status = 1;
            } finally {
                TextIo.close(r.ctx, fd);
            }
        }
        return status;
    }

    private static int indentOf(String line) {
        int col = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') col++;
            else if (c == '\t') col = (col / 8 + 1) * 8;
            else break;
        }
        return col;
    }

    private void format(Run r, String text) {
        if (text.isEmpty()) return;
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        boolean endsWithNewline = text.endsWith("\n");
        if (endsWithNewline) lines.remove(lines.size() - 1);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                out.append('\n');
                i++;
                continue;
            }
            boolean tabs = false;
            int firstIndent = indentOf(line);
            List<Word> words = new ArrayList<>();
            int j = i;
            boolean lastLine = j + 1 == lines.size() && !endsWithNewline;
            addWords(line, words, j + 1 == lines.size());
            tabs |= leadingTab(line);
            j++;
            int otherIndent = firstIndent;
            if (!split) {
                if (crown && j < lines.size() && !lines.get(j).isBlank()) otherIndent = indentOf(lines.get(j));
                while (j < lines.size() && !lines.get(j).isBlank() && indentOf(lines.get(j)) == otherIndent) {
                    addWords(lines.get(j), words, j + 1 == lines.size());
                    tabs |= leadingTab(lines.get(j));
                    j++;
                }
            }
            fill(out, words, firstIndent, otherIndent, tabs);
            i = j;
        }
        r.print(out.toString());
    }

    private static boolean leadingTab(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\t') return true;
            if (line.charAt(i) != ' ') return false;
        }
        return false;
    }

    private void addWords(String line, List<Word> words, boolean lastLineOfInput) {
        int i = 0, n = line.length();
        int col = 0;
        while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            col = line.charAt(i) == '\t' ? (col / 8 + 1) * 8 : col + 1;
            i++;
        }
        while (i < n) {
            int s = i;
            while (i < n && !(line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
            Word w = new Word();
            w.text = line.substring(s, i);
            col += w.text.length();
            int startCol = col;
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                col = line.charAt(i) == '\t' ? (col / 8 + 1) * 8 : col + 1;
                i++;
            }
            w.space = col - startCol;
            char first = w.text.charAt(0), last = w.text.charAt(w.text.length() - 1);
            w.paren = "(['`\"".indexOf(first) >= 0;
            w.punct = last > 32 && last < 127 && !Character.isLetterOrDigit(last);
            int f = w.text.length() - 1;
            while (f > 0 && ")]'\"".indexOf(w.text.charAt(f)) >= 0) f--;
            w.period = ".?!".indexOf(w.text.charAt(f)) >= 0;
            boolean atEnd = i >= n;
            w.fin = (atEnd && lastLineOfInput) || (w.period && (atEnd || w.space > 1));
            if (atEnd || uniform) w.space = w.fin ? 2 : 1;
            words.add(w);
        }
    }

    private long baseCost(List<Word> words, int t) {
        long cost = LINE_COST;
        if (t > 0) {
            Word prev = words.get(t - 1);
            if (prev.period) cost += prev.fin ? -SENTENCE_BONUS : NOBREAK_COST;
            else if (prev.punct) cost -= PUNCT_BONUS;
            else if (t > 1 && words.get(t - 2).fin) cost += widowCost(prev.text.length());
        }
        Word w = words.get(t);
        if (w.paren) cost -= PAREN_BONUS;
        else if (w.fin) cost += orphanCost(w.text.length());
        return cost;
    }

    private long lineCost(List<Word> words, int next, int len) {
        int limit = words.size() - 1;
        if (next == limit) return 0;
        long cost = shortCost(goalWidth - len);
        if (words.get(next).nextBreak != limit) cost += raggedCost(len - words.get(next).lineLength);
        return cost;
    }

    private void fill(StringBuilder out, List<Word> words, int firstIndent, int otherIndent, boolean tabs) {
        // the paragraph's last word ends it, like a sentence (GNU's orphan rule depends on this)
        words.get(words.size() - 1).fin = true;
        Word sentinel = new Word();
        sentinel.text = "";
        words.add(sentinel);
        int limit = words.size() - 1;
        sentinel.bestCost = 0;
        for (int start = limit - 1; start >= 0; start--) {
            long best = Long.MAX_VALUE;
            int len = (start == 0 ? firstIndent : otherIndent) + words.get(start).text.length();
            int w = start;
            do {
                w++;
                long cost = lineCost(words, w, len) + words.get(w).bestCost;
                if (cost < best) {
                    best = cost;
                    words.get(start).nextBreak = w;
                    words.get(start).lineLength = len;
                }
                if (w == limit) break;
                len += words.get(w - 1).space + words.get(w).text.length();
            } while (len < maxWidth);
            words.get(start).bestCost = best + baseCost(words, start);
        }
        int w = 0;
        boolean firstLine = true;
        while (w < limit) {
            int col = 0;
            int indent = firstLine ? firstIndent : otherIndent;
            col = space(out, col, indent, tabs);
            int end = words.get(w).nextBreak - 1;
            for (; w != end; w++) {
                out.append(words.get(w).text);
                col += words.get(w).text.length();
                col = space(out, col, words.get(w).space, false);
            }
            out.append(words.get(w).text).append('\n');
            w++;
            firstLine = false;
        }
    }

    private static int space(StringBuilder out, int col, int space, boolean tabs) {
        int target = col + space;
        if (tabs) {
            int tabTarget = target / 8 * 8;
            if (col + 1 < tabTarget) {
                while (col < tabTarget) {
                    out.append('\t');
                    col = (col / 8 + 1) * 8;
                }
            }
        }
        while (col < target) {
            out.append(' ');
            col++;
        }
        return col;
    }
}
