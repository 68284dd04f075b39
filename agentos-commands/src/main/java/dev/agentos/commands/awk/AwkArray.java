package dev.agentos.commands.awk;

import java.util.LinkedHashMap;

/** An awk associative array: string subscripts to values, in insertion order. */
final class AwkArray {
    final LinkedHashMap<String, Val> map = new LinkedHashMap<>();

    Val get(String key) {
        Val v = map.get(key);
        if (v == null) {
            v = Val.UNINIT_VAL;
            map.put(key, v);
        }
        return v;
    }

    void put(String key, Val v) { map.put(key, v); }
    boolean contains(String key) { return map.containsKey(key); }
    void remove(String key) { map.remove(key); }
    void clear() { map.clear(); }
    int size() { return map.size(); }
}
