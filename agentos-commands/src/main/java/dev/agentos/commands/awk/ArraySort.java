package dev.agentos.commands.awk;

import java.util.Comparator;
import java.util.List;

/** PROCINFO["sorted_in"] orders and asort/asorti comparisons. */
final class ArraySort {
    private ArraySort() {}

    static void sortKeys(Interp rt, AwkArray a, List<String> keys, String how) {
        Comparator<String> c = switch (how) {
            case "@ind_str_asc" -> Comparator.naturalOrder();
            case "@ind_str_desc" -> Comparator.<String>naturalOrder().reversed();
            case "@ind_num_asc" -> Comparator.comparingDouble(Numbers::parse).thenComparing(Comparator.naturalOrder());
            case "@ind_num_desc" -> Comparator.<String>comparingDouble(Numbers::parse).thenComparing(Comparator.naturalOrder()).reversed();
            case "@val_str_asc" -> (x, y) -> cmpStr(rt, a.map.get(x), a.map.get(y), x, y);
            case "@val_str_desc" -> (x, y) -> cmpStr(rt, a.map.get(y), a.map.get(x), y, x);
            case "@val_num_asc" -> (x, y) -> cmpNum(rt, a.map.get(x), a.map.get(y), x, y);
            case "@val_num_desc" -> (x, y) -> cmpNum(rt, a.map.get(y), a.map.get(x), y, x);
            case "@val_type_asc" -> (x, y) -> cmpType(rt, a.map.get(x), a.map.get(y), x, y);
            case "@val_type_desc" -> (x, y) -> cmpType(rt, a.map.get(y), a.map.get(x), y, x);
            default -> {
                Expr.Function f = rt.functions.get(how);
                if (f == null) {
                    if (how.startsWith("@") && !how.equals("@unsorted")) throw new AwkFatal("`" + how + "' is not a valid array sorting specification");
                    yield null;
                }
                yield (x, y) -> (int) Math.signum(rt.toNum(rt.callWith(f, Val.strnum(x), a.map.get(x), Val.strnum(y), a.map.get(y))));
            }
        };
        if (c != null) keys.sort(c);
    }

    /**
     * gawk's unsorted for-in order as far as it is observable without its hash function: other keys
     * first (here in insertion order), then non-negative integer keys in ascending order.
     */
    static List<String> gawkOrder(List<String> keys) {
        List<String> ints = null;
        List<String> rest = null;
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            if (isIndex(k)) {
                if (ints == null) {
                    ints = new java.util.ArrayList<>();
                    rest = new java.util.ArrayList<>(keys.subList(0, i));
                }
                ints.add(k);
            } else if (rest != null) {
                rest.add(k);
            }
        }
        if (ints == null) return keys;
        ints.sort(Comparator.comparingLong(Long::parseLong));
        rest.addAll(ints);
        return rest;
    }

    private static boolean isIndex(String k) {
        int n = k.length();
        if (n == 0 || n > 18) return false;
        if (n > 1 && k.charAt(0) == '0') return false;
        for (int i = 0; i < n; i++) {
            char c = k.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static int cmpStr(Interp rt, Val a, Val b, String ka, String kb) {
        int c = rt.toStr(a).compareTo(rt.toStr(b));
        return c != 0 ? c : ka.compareTo(kb);
    }

    private static int cmpNum(Interp rt, Val a, Val b, String ka, String kb) {
        int c = Double.compare(rt.toNum(a), rt.toNum(b));
        return c != 0 ? c : ka.compareTo(kb);
    }

    /** Numbers before strings; numbers by value, strings by text. */
    static int cmpType(Interp rt, Val a, Val b, String ka, String kb) {
        boolean na = a.numeric, nb = b.numeric;
        if (na && !nb) return -1;
        if (!na && nb) return 1;
        int c = na ? Double.compare(rt.toNum(a), rt.toNum(b)) : rt.toStr(a).compareTo(rt.toStr(b));
        return c != 0 ? c : ka.compareTo(kb);
    }
}
