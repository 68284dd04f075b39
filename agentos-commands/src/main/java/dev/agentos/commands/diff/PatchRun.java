package dev.agentos.commands.diff;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Gnu;
import dev.agentos.kernel.Errno;
import dev.agentos.kernel.proc.ProcessContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One patch invocation: each file patch in turn, with patch's messages on standard output. */
final class PatchRun {
    private final ProcessContext ctx;
    private final PatchOptions o;
    private final StringBuilder say = new StringBuilder();
    private final Set<String> backedUp = new HashSet<>();
    private int status;

    PatchRun(ProcessContext ctx, PatchOptions opts) {
        this.ctx = ctx;
        this.o = opts;
    }

    int apply(List<FilePatch> patches) throws IOException {
        try {
            for (FilePatch fp : patches) {
                one(fp);
                flushSay();
            }
        } finally {
            flushSay();
        }
        return status;
    }

    private void flushSay() {
        if (!say.isEmpty()) {
            Gnu.print(ctx.stdout(), say.toString());
            say.setLength(0);
        }
    }

    private void say(String s) {
        if (!o.silent()) say.append(s);
    }

    private static boolean isEpoch(String time) {
        return time.startsWith("1970-01-01 00:00:00") || time.startsWith("Thu Jan  1 00:00:00 1970");
    }

    /** A patch from nothing: /dev/null, the epoch, or one hunk that starts at line 0 and removes nothing. */
    private static boolean creates(FilePatch fp) {
        if (fp.oldName().equals("/dev/null")) return true;
        boolean empty = fp.hunks().size() == 1 && fp.hunks().get(0).oldStart() == 0 && fp.hunks().get(0).oldLines().isEmpty();
        return empty || (isEpoch(fp.oldTime()) && fp.hunks().stream().allMatch(h -> h.oldLines().isEmpty()));
    }

    private static boolean removes(FilePatch fp) {
        if (fp.newName().equals("/dev/null")) return true;
        return (isEpoch(fp.newTime()) && fp.hunks().stream().allMatch(h -> h.newLines().isEmpty()));
    }

    /** The name after -p: null when there are not enough components. */
    private String strip(String name) {
        if (name.equals("/dev/null")) return null;
        if (o.strip() < 0) {
            int i = name.lastIndexOf('/');
            return i < 0 ? name : name.substring(i + 1);
        }
        String n = name;
        for (int k = 0; k < o.strip(); k++) {
            int i = n.indexOf('/');
            if (i < 0) return null;
            n = n.substring(i + 1);
            while (n.startsWith("/")) n = n.substring(1);
        }
        return n.isEmpty() ? null : n;
    }

    private boolean exists(String path) {
        try {
            ctx.stat(path);
            return true;
        } catch (AgentOsException e) {
            return false;
        }
    }

    /** patch's choice among the header's names: existing files first, then fewest components, shortest names. */
    private String target(FilePatch fp) {
        if (o.origFile() != null) return o.origFile();
        List<String> names = new ArrayList<>();
        for (String n : List.of(fp.oldName(), fp.newName())) {
            String s = strip(n);
            if (s != null) names.add(s);
        }
        List<String> existing = names.stream().filter(this::exists).toList();
        List<String> pool = !existing.isEmpty() ? existing : creates(fp) || o.reverse() && removes(fp) ? names : List.of();
        String best = null;
        for (String n : pool) {
            if (best == null || better(n, best)) best = n;
        }
        return best;
    }

    private static boolean better(String a, String b) {
        int ca = a.split("/", -1).length, cb = b.split("/", -1).length;
        if (ca != cb) return ca < cb;
        int ba = a.length() - a.lastIndexOf('/') - 1, bb = b.length() - b.lastIndexOf('/') - 1;
        if (ba != bb) return ba < bb;
        return a.length() < b.length();
    }

    private void one(FilePatch original) throws IOException {
        FilePatch fp = original;
        String name = target(fp);
        int total = fp.hunks().size();
        if (name == null && removes(fp) && !o.reverse()) {
            String gone = strip(fp.oldName());
            if (gone != null) {
                say("The next patch would delete the file " + gone + ",\nwhich does not exist!  ");
                askReverse(false);
                say(total + " out of " + total + " hunk" + (total == 1 ? "" : "s") + " ignored\n");
                status = Math.max(status, 1);
                return;
            }
        }
        if (name == null) {
            cantFind(fp, total);
            return;
        }
        String outName = o.output() != null ? o.output() : name;
        if (o.output() != null) say((o.dryRun() ? "checking file " : "patching file ") + o.output() + " (read from " + name + ")\n");
        else say((o.dryRun() ? "checking file " : "patching file ") + name + "\n");
        boolean existed = exists(name);
        byte[] originalBytes = new byte[0];
        if (existed) {
            try {
                originalBytes = VmFile.read(ctx, name);
            } catch (AgentOsException e) {
                flushSay();
                Gnu.print(ctx.stderr(), "patch: **** Can't open file " + name + " : " + VmFile.reason(e) + "\n");
                status = 2;
                return;
            }
        }
        boolean reverse = o.reverse();
        if (reverse) fp = fp.reversed();
        List<String> input = lines(originalBytes);
        if (creates(fp) && existed && !input.isEmpty()) {
            say("The next patch would create the file " + name + ",\nwhich already exists!  ");
            if (!askReverse(reverse)) {
                say(total + " out of " + total + " hunk" + (total == 1 ? "" : "s") + " ignored\n");
                status = Math.max(status, 1);
                return;
            }
            reverse = !reverse;
            fp = fp.reversed();
        }
        HunkPlacer placer = new HunkPlacer(input);
        List<String> out = new ArrayList<>();
        List<PatchHunk> rejects = new ArrayList<>();
        boolean mismatch = false, skip = false, applyAnyway = false;
        int failed = 0, outOffset = 0;
        for (int k = 0; k < total; k++) {
            PatchHunk h = fp.hunks().get(k);
            if (skip) {
                rejects.add(h);
                continue;
            }
            int context = Math.max(h.prefixContext(), h.suffixContext());
            int maxFuzz = Math.min(o.fuzz(), context);
            int fuzz = 0, where;
            do {
                where = placer.locate(h, fuzz);
                if (where == 0 || fuzz > 0 || placer.inOffset != 0) mismatch = true;
                if (k == 0 && where == 0 && !(o.force() || applyAnyway) && reverse == o.reverse()) {
                    int savedOffset = placer.inOffset;
                    where = placer.locate(h.reversed(), fuzz);
                    if (where != 0 && okToReverse(reverse)) {
                        reverse = !reverse;
                        fp = fp.reversed();
                        h = fp.hunks().get(k);
                    } else {
                        placer.inOffset = savedOffset;
                        if (o.forward() || (!o.force() && !o.batch() && where != 0)) skip = skip || where != 0;
                        if (where != 0 && !skip) {
                            applyAnyway = true;
                            fuzz--;
                        }
                        where = 0;
                    }
                }
            } while (!skip && where == 0 && ++fuzz <= maxFuzz);
            if (skip) {
                rejects.add(h);
                continue;
            }
            if (where == 0) {
                failed++;
                // rejects are numbered for the patched file: shifted by what earlier hunks added
                rejects.add(new PatchHunk(h.oldStart() + outOffset, h.newStart() + outOffset, h.lines(), h.headerLine()));
                say("Hunk #" + (k + 1) + " FAILED at " + (h.oldFirst() + outOffset) + ".\n");
                continue;
            }
            for (int i = placer.lastFrozenLine + 1; i < where; i++) out.add(input.get(i - 1));
            int at = where;
            for (PatchHunk.Line l : h.lines()) {
                switch (l.kind()) {
                    case ' ' -> out.add(input.get(at++ - 1));
                    case '-' -> at++;
                    default -> out.add(l.text());
                }
            }
            placer.lastFrozenLine = at - 1;
            if (fuzz > 0 || placer.inOffset != 0) {
                StringBuilder m = new StringBuilder("Hunk #" + (k + 1) + " succeeded at " + (h.newFirst() + placer.inOffset));
                if (fuzz > 0) m.append(" with fuzz ").append(fuzz);
                if (placer.inOffset != 0) {
                    m.append(" (offset ").append(placer.inOffset).append(" line").append(Math.abs(placer.inOffset) == 1 ? "" : "s").append(")");
                }
                say(m.append(".\n").toString());
            }
            outOffset += h.newLines().size() - h.oldLines().size();
        }
        for (int i = placer.lastFrozenLine + 1; i <= input.size(); i++) out.add(input.get(i - 1));
        String rejName = o.rejectFile() != null ? o.rejectFile() : outName + ".rej";
        if (skip) {
            int ignored = rejects.size();
            say(ignored + " out of " + total + " hunk" + (total == 1 ? "" : "s") + " ignored");
            if (!o.dryRun()) {
                say(" -- saving rejects to file " + rejName);
                writeRejects(fp, rejects, rejName);
            }
            say("\n");
            status = Math.max(status, 1);
            return;
        }
        if (!o.dryRun()) {
            if (existed && (o.backup() || mismatch) && o.output() == null && backedUp.add(name)) {
                VmFile.write(ctx, name + ".orig", originalBytes, 0644);
            }
            byte[] result = String.join("", out).getBytes(StandardCharsets.ISO_8859_1);
            boolean remove = result.length == 0 && o.output() == null && (removes(fp) || o.removeEmpty()) && failed == 0;
            if (remove) {
                if (existed) ctx.unlink(name);
            } else {
                makeParents(outName);
                VmFile.write(ctx, outName, result, 0644);
            }
        }
        if (failed > 0) {
            say(failed + " out of " + total + " hunk" + (total == 1 ? "" : "s") + " FAILED");
            if (!o.dryRun()) {
                say(" -- saving rejects to file " + rejName);
                writeRejects(fp, rejects, rejName);
            }
            say("\n");
            status = Math.max(status, 1);
        }
    }

    /** patch's ok_to_reverse with no terminal to ask: -N skips, -f applies as is, -t assumes -R. */
    private boolean okToReverse(boolean reverse) {
        say(reverse ? "Unreversed patch detected!" : "Reversed (or previously applied) patch detected!");
        if (o.forward()) {
            say("  Skipping patch.\n");
            return false;
        }
        if (o.force()) {
            say("  Applying it anyway.\n");
            return false;
        }
        if (o.batch()) {
            say(reverse ? "  Ignoring -R.\n" : "  Assuming -R.\n");
            return true;
        }
        say(reverse ? "  Ignore -R? [n] \n" : "  Assume -R? [n] \n");
        say("Apply anyway? [n] \nSkipping patch.\n");
        return false;
    }

    /** The "would create the file" question, answered as a terminal-less patch does. */
    private boolean askReverse(boolean reverse) {
        if (o.forward()) {
            say("Skipping patch.\n");
            return false;
        }
        if (o.force()) {
            say("Applying it anyway.\n");
            return false;
        }
        if (o.batch()) {
            say(reverse ? "Ignoring -R.\n" : "Assuming -R.\n");
            return true;
        }
        say(reverse ? "Ignore -R? [n] \n" : "Assume -R? [n] \n");
        say("Apply anyway? [n] \nSkipping patch.\n");
        return false;
    }

    private void cantFind(FilePatch fp, int total) {
        int line = fp.hunks().isEmpty() ? 0 : fp.hunks().get(0).headerLine();
        say("can't find file to patch at input line " + line + "\n");
        say(o.strip() < 0 ? "Perhaps you should have used the -p or --strip option?\n" : "Perhaps you used the wrong -p or --strip option?\n");
        say("The text leading up to this was:\n--------------------------\n");
        for (String l : fp.leadingText()) say("|" + l);
        say("--------------------------\n");
        if (o.force() || o.batch()) {
            say("No file to patch.  Skipping patch.\n");
        } else {
            say("File to patch: \nSkip this patch? [y] \nSkipping patch.\n");
        }
        say(total + " out of " + total + " hunk" + (total == 1 ? "" : "s") + " ignored\n");
        status = Math.max(status, 1);
    }

    private void makeParents(String path) {
        int i = path.lastIndexOf('/');
        if (i <= 0) return;
        String dir = path.substring(0, i);
        if (exists(dir)) return;
        makeParents(dir);
        try {
            ctx.mkdir(dir, 0755);
        } catch (AgentOsException e) {
            if (!e.is(Errno.EEXIST)) throw e;
        }
    }

    private void writeRejects(FilePatch fp, List<PatchHunk> rejects, String rejName) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String h : fp.headerLines()) b.writeBytes(h.getBytes(StandardCharsets.ISO_8859_1));
        for (PatchHunk h : rejects) {
            String text = fp.context() ? RejectFormat.context(h) : RejectFormat.unified(h);
            b.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        }
        VmFile.write(ctx, rejName, b.toByteArray(), 0644);
    }

    /** Splits into lines that keep their newlines (the last may have none). */
    static List<String> lines(byte[] data) {
        String s = new String(data, StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                out.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) out.add(s.substring(start));
        return out;
    }
}
