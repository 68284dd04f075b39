package dev.agentos.commands.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads unified and context diffs (as diff -u / diff -c and git write them) into {@link FilePatch}es.
 * Text between file patches (diff command lines, "Index:" lines, mail) is kept as the next patch's
 * leading text and otherwise ignored, as patch does.
 */
final class PatchParser {
    private static final Pattern UNIFIED = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");
    private static final Pattern CONTEXT_OLD = Pattern.compile("^\\*\\*\\* (\\d+)(?:,(\\d+))? \\*\\*\\*\\*\\s*$");
    private static final Pattern CONTEXT_NEW = Pattern.compile("^--- (\\d+)(?:,(\\d+))? ----\\s*$");

    /** A malformed patch: patch reports it and stops with status 2. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final List<String> lines;
    private int pos;

    /** {@code text} in ISO-8859-1, so bytes survive; lines keep their newlines. */
    PatchParser(String text) {
        this.lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) lines.add(text.substring(start));
    }

    List<FilePatch> parse() throws Malformed {
        List<FilePatch> out = new ArrayList<>();
        List<String> leading = new ArrayList<>();
        while (pos < lines.size()) {
            String l = lines.get(pos);
            String next = pos + 1 < lines.size() ? lines.get(pos + 1) : "";
            String third = pos + 2 < lines.size() ? lines.get(pos + 2) : "";
            if (l.startsWith("--- ") && next.startsWith("+++ ") && third.startsWith("@@ ")) {
                out.add(unified(leading));
                leading = new ArrayList<>();
            } else if (l.startsWith("*** ") && next.startsWith("--- ") && third.startsWith("***************")) {
                out.add(context(leading));
                leading = new ArrayList<>();
            } else {
                leading.add(l);
                pos++;
            }
        }
        return out;
    }

    private static String[] nameAndTime(String header) {
        String h = strip(header.substring(4));
        int tab = h.indexOf('\t');
        if (tab >= 0) return new String[] {h.substring(0, tab), h.substring(tab + 1)};
        int sp = h.indexOf(' ');
        return sp >= 0 ? new String[] {h.substring(0, sp), h.substring(sp + 1)} : new String[] {h, ""};
    }

    private static String strip(String l) {
        return l.endsWith("\n") ? l.substring(0, l.length() - (l.endsWith("\r\n") ? 2 : 1)) : l;
    }

    private FilePatch unified(List<String> leading) throws Malformed {
        List<String> header = List.of(lines.get(pos), lines.get(pos + 1));
        String[] o = nameAndTime(lines.get(pos)), n = nameAndTime(lines.get(pos + 1));
        List<String> lead = new ArrayList<>(leading);
        lead.addAll(header);
        pos += 2;
        List<PatchHunk> hunks = new ArrayList<>();
        while (pos < lines.size()) {
            Matcher m = UNIFIED.matcher(strip(lines.get(pos)));
            if (!m.matches()) break;
            int headerLine = pos + 1;
            int oldStart = Integer.parseInt(m.group(1)), newStart = Integer.parseInt(m.group(3));
            int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
            pos++;
            List<PatchHunk.Line> body = new ArrayList<>();
            int seenOld = 0, seenNew = 0;
            while (seenOld < oldCount || seenNew < newCount) {
                if (pos >= lines.size()) throw new Malformed("unexpected end of file in patch");
                String l = lines.get(pos);
                char k = l.isEmpty() || l.equals("\n") ? ' ' : l.charAt(0);
                String text = l.isEmpty() || l.equals("\n") ? "\n" : l.substring(1);
                if (k == '\\') {
                    pos++;
                    continue;
                }
                if (k != ' ' && k != '-' && k != '+') throw new Malformed("malformed patch at line " + (pos + 1) + ": " + l);
                if (k != '+') seenOld++;
                if (k != '-') seenNew++;
                body.add(new PatchHunk.Line(k, text));
                pos++;
                noNewline(body);
            }
            noNewline(body);
            hunks.add(new PatchHunk(oldStart, newStart, body, headerLine));
        }
        return new FilePatch(o[0], o[1], n[0], n[1], hunks, header, lead, false);
    }

    /** A "\ No newline at end of file" marker takes the newline off the line before it. */
    private void noNewline(List<PatchHunk.Line> body) {
        if (pos < lines.size() && lines.get(pos).startsWith("\\") && !body.isEmpty()) {
            PatchHunk.Line last = body.remove(body.size() - 1);
            String t = last.text();
            body.add(new PatchHunk.Line(last.kind(), t.endsWith("\n") ? t.substring(0, t.length() - 1) : t));
            pos++;
        }
    }

    private FilePatch context(List<String> leading) throws Malformed {
        List<String> header = List.of(lines.get(pos), lines.get(pos + 1));
        String[] o = nameAndTime(lines.get(pos)), n = nameAndTime(lines.get(pos + 1));
        List<String> lead = new ArrayList<>(leading);
        lead.addAll(header);
        pos += 2;
        List<PatchHunk> hunks = new ArrayList<>();
        while (pos < lines.size() && lines.get(pos).startsWith("***************")) {
            pos++;
            if (pos >= lines.size()) throw new Malformed("unexpected end of file in patch");
            Matcher mo = CONTEXT_OLD.matcher(strip(lines.get(pos)));
            if (!mo.matches()) throw new Malformed("malformed patch at line " + (pos + 1) + ": " + lines.get(pos));
            int headerLine = pos + 1;
            int oldStart = Integer.parseInt(mo.group(1));
            pos++;
            List<PatchHunk.Line> oldPart = new ArrayList<>();
            while (pos < lines.size() && !CONTEXT_NEW.matcher(strip(lines.get(pos))).matches()) {
                String l = lines.get(pos);
                if (l.startsWith("\\")) {
                    noNewline(oldPart);
                    continue;
                }
                if (l.length() < 2) throw new Malformed("malformed patch at line " + (pos + 1) + ": " + l);
                oldPart.add(new PatchHunk.Line(l.charAt(0), l.substring(2)));
                pos++;
            }
            if (pos >= lines.size()) throw new Malformed("unexpected end of file in patch");
            Matcher mn = CONTEXT_NEW.matcher(strip(lines.get(pos)));
            mn.matches();
            int newStart = Integer.parseInt(mn.group(1));
            int newEnd = mn.group(2) == null ? newStart : Integer.parseInt(mn.group(2));
            int newCount = newStart == 0 && mn.group(2) == null ? 0 : newEnd - newStart + 1;
            pos++;
            List<PatchHunk.Line> newPart = new ArrayList<>();
            while (pos < lines.size() && newPart.size() < newCount) {
                String l = lines.get(pos);
                if (l.startsWith("\\")) {
                    noNewline(newPart);
                    continue;
                }
                if (!(l.startsWith("  ") || l.startsWith("+ ") || l.startsWith("! "))) break;
                newPart.add(new PatchHunk.Line(l.charAt(0), l.substring(2)));
                pos++;
            }
            noNewline(newPart);
            hunks.add(new PatchHunk(oldStart, newStart, merge(oldPart, newPart), headerLine));
        }
        return new FilePatch(o[0], o[1], n[0], n[1], hunks, header, lead, true);
    }

    /** Joins a context hunk's two halves into one sequence; a half left out is the other's context. */
    private static List<PatchHunk.Line> merge(List<PatchHunk.Line> oldPart, List<PatchHunk.Line> newPart) {
        if (oldPart.isEmpty()) oldPart = newPart.stream().filter(l -> l.kind() == ' ').toList();
        if (newPart.isEmpty()) newPart = oldPart.stream().filter(l -> l.kind() == ' ').toList();
        List<PatchHunk.Line> out = new ArrayList<>();
        int i = 0, j = 0;
        while (i < oldPart.size() || j < newPart.size()) {
            if (i < oldPart.size() && j < newPart.size() && oldPart.get(i).kind() == ' ' && newPart.get(j).kind() == ' ') {
                out.add(oldPart.get(i));
                i++;
                j++;
                continue;
            }
            while (i < oldPart.size() && oldPart.get(i).kind() != ' ') out.add(new PatchHunk.Line('-', oldPart.get(i++).text()));
            while (j < newPart.size() && newPart.get(j).kind() != ' ') out.add(new PatchHunk.Line('+', newPart.get(j++).text()));
            if ((i < oldPart.size()) != (j < newPart.size())) {
                // a malformed hunk: take the rest as context from whichever side has it
                while (i < oldPart.size()) out.add(new PatchHunk.Line('-', oldPart.get(i++).text()));
                while (j < newPart.size()) out.add(new PatchHunk.Line('+', newPart.get(j++).text()));
            }
        }
        return out;
    }
}
