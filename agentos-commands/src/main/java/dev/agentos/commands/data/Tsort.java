package dev.agentos.commands.data;

import dev.agentos.AgentOsException;
import dev.agentos.commands.Getopt;
import dev.agentos.commands.GnuCommand;
import dev.agentos.commands.Invocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;

/**
 * tsort: a total order consistent with the partial order of the input pairs, following GNU's
 * algorithm (Knuth's T): initial zeros in string order, successors in reverse order of mention.
 */
final class Tsort extends GnuCommand {
    private static final class Item {
        final String name;
        int count;
        final List<Item> successors = new ArrayList<>(); // most recent first, as GNU prepends
        boolean done;

        Item(String name) {
            this.name = name;
        }
    }

    @Override protected String name() { return "tsort"; }

    @Override protected String usage() {
        return "Usage: tsort [OPTION] [FILE]\n"
                + "Write totally ordered list consistent with the partial ordering in FILE.\n\n"
                + "With no FILE, or when FILE is -, read standard input.\n\n"
                + "      --help        display this help and exit\n"
                + "      --version     output version information and exit\n";
    }

    @Override protected Getopt options() { return Getopt.create(); }

    @Override protected int execute(Invocation inv) throws IOException {
        if (inv.operands().size() > 1) {
            inv.error("extra operand " + Invocation.quote(inv.operands().get(1)) + "\nTry 'tsort --help' for more information.");
            return 1;
        }
        String file = inv.operands().isEmpty() ? "-" : inv.operands().get(0);
        String text;
        try (InputStream in = file.equals("-") ? VmFiles.stdin(inv.ctx()) : VmFiles.in(inv.ctx(), file)) {
            text = new String(VmFiles.readAll(in), StandardCharsets.UTF_8);
        } catch (AgentOsException e) {
            inv.error(file, e);
            return 1;
        }
        String[] tokens = java.util.Arrays.stream(text.split("[ \\t\\n]+")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        if (tokens.length % 2 != 0) {
            inv.error(file + ": input contains an odd number of tokens");
            return 1;
        }
        TreeMap<String, Item> items = new TreeMap<>((a, b) -> java.util.Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < tokens.length; i += 2) {
            Item j = items.computeIfAbsent(tokens[i], Item::new);
            Item k = items.computeIfAbsent(tokens[i + 1], Item::new);
            if (j != k) {
                k.count++;
                j.successors.addFirst(k);
            }
        }
        Deque<Item> queue = new ArrayDeque<>();
        for (Item it : items.values()) if (it.count == 0) queue.add(it);
        int remaining = items.size();
        StringBuilder out = new StringBuilder();
        boolean ok = true;
        while (true) {
            while (!queue.isEmpty()) {
                Item head = queue.poll();
                out.append(head.name).append('\n');
                head.done = true;
                remaining--;
                for (Item s : head.successors) if (--s.count == 0) queue.add(s);
            }
            if (remaining == 0) break;
            // A loop: report the members of one cycle, then break a relation and go on.
            ok = false;
            inv.print(out.toString());
            out.setLength(0);
            inv.error(file + ": input contains a loop:");
            Item start = items.values().stream().filter(x -> !x.done && x.count > 0).findFirst().orElseThrow();
            List<Item> cycle = findCycle(start);
            for (Item c : cycle) inv.error(c.name);
            Item last = cycle.get(cycle.size() - 1);
            Item first = cycle.get(0);
            last.successors.remove(first);
            if (--first.count == 0) queue.add(first);
        }
        inv.print(out.toString());
        return ok ? 0 : 1;
    }

    private static List<Item> findCycle(Item start) {
        List<Item> path = new ArrayList<>();
        java.util.Map<Item, Integer> seen = new java.util.HashMap<>();
        Item cur = start;
        while (!seen.containsKey(cur)) {
            seen.put(cur, path.size());
            path.add(cur);
            Item next = null;
            for (Item s : cur.successors) if (!s.done) { next = s; break; }
            if (next == null) break;
            cur = next;
        }
        return new ArrayList<>(path.subList(seen.getOrDefault(cur, 0), path.size()));
    }
}
