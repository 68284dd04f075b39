package dev.agentos.shell;

import dev.agentos.AgentOsException;
import java.util.List;

/** history: lists, clears, deletes and adds entries, and reads or writes the history file (-r -w -a). */
final class HistoryBuiltin {
    private static final String USAGE =
            "history: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n";
    private final Shell sh;

    HistoryBuiltin(Shell sh) { this.sh = sh; }

    int run(List<String> a) {
        History h = sh.history;
        int i = 1;
        if (i < a.size() && a.get(i).equals("--")) i++;
        if (i < a.size() && a.get(i).startsWith("-") && a.get(i).length() > 1 && !a.get(i).matches("-[0-9]+")) {
            String opt = a.get(i);
            List<String> rest = a.subList(i + 1, a.size());
            switch (opt) {
                case "-c" -> { h.entries.clear(); return 0; }
                case "-d" -> { return delete(h, rest); }
                case "-s" -> {
                    if (!rest.isEmpty() && sh.opts.history) {
                        if (!h.entries.isEmpty()) h.entries.remove(h.entries.size() - 1); // the history -s line itself
                        h.entries.add(String.join(" ", rest));
                    }
                    return 0;
                }
                case "-p" -> {
                    for (String s : rest) sh.writeOut(s + "\n");
                    return 0;
                }
                case "-r", "-w", "-a" -> { return file(h, opt.charAt(1), rest); }
                default -> {
                    sh.error("history: " + opt + ": invalid option");
                    sh.writeErr(USAGE);
                    return 2;
                }
            }
        }
        List<String> args = a.subList(i, a.size());
        if (args.size() > 1) { sh.error("history: too many arguments"); return 1; }
        int count = h.entries.size();
        if (args.size() == 1) {
            try {
                count = Math.min(count, Math.max(0, Integer.parseInt(args.get(0))));
            } catch (NumberFormatException e) {
                sh.error("history: " + args.get(0) + ": numeric argument required");
                return 1;
            }
        }
        StringBuilder b = new StringBuilder();
        for (int k = h.entries.size() - count; k < h.entries.size(); k++) {
            b.append(String.format("%5d  %s%n", k + 1, h.entries.get(k)));
        }
        sh.writeOut(b.toString());
        return 0;
    }

    private int delete(History h, List<String> rest) {
        if (rest.isEmpty()) { sh.error("history: -d: option requires an argument"); sh.writeErr(USAGE); return 2; }
        String arg = rest.get(0);
        long n;
        try {
            n = Long.parseLong(arg);
        } catch (NumberFormatException e) {
            sh.error("history: " + arg + ": history position out of range");
            return 1;
        }
        long index = n < 0 ? h.entries.size() + n : n - 1; // negative offsets count back from the end
        if (index < 0 || index >= h.entries.size()) {
            sh.error("history: " + arg + ": history position out of range");
            return 1;
        }
        h.entries.remove((int) index);
        return 0;
    }

    private int file(History h, char op, List<String> rest) {
        String path = rest.isEmpty() ? h.file() : rest.get(0);
        if (path == null) return 1;
        try {
            switch (op) {
                case 'r' -> { if (!h.read(path)) { sh.error("history: " + path + ": cannot open"); return 1; } }
                case 'w' -> h.write(path, false);
                default -> h.write(path, true);
            }
        } catch (AgentOsException e) {
            sh.error("history: " + path + ": " + Shell.strerror(e));
            return 1;
        }
        return 0;
    }
}
