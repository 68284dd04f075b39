package dev.agentos.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Shell variables with bash's attributes; function locals are saved and restored (dynamic scope). */
final class Variables {
    /** One variable: a scalar, an indexed array or an associative array, with its attributes. */
    static final class Var {
        String value;
        TreeMap<Long, String> indexed;
        LinkedHashMap<String, String> assoc;
        boolean exported, readonly, integer, lower, upper, nameref;

        Var copy() {
            Var v = new Var();
            v.value = value;
            v.indexed = indexed == null ? null : new TreeMap<>(indexed);
            v.assoc = assoc == null ? null : new LinkedHashMap<>(assoc);
            v.exported = exported;
            v.readonly = readonly;
            v.integer = integer;
            v.lower = lower;
            v.upper = upper;
            v.nameref = nameref;
            return v;
        }

        boolean isArray() { return indexed != null || assoc != null; }

        /** $name of an array is element 0. */
        String scalar() {
            if (indexed != null) return indexed.get(0L);
            if (assoc != null) return assoc.get("0");
            return value;
        }

        List<String> values() {
            if (indexed != null) return new ArrayList<>(indexed.values());
            if (assoc != null) return new ArrayList<>(assoc.values());
            return value == null ? List.of() : List.of(value);
        }

        List<String> keys() {
            List<String> k = new ArrayList<>();
            if (indexed != null) for (Long i : indexed.keySet()) k.add(Long.toString(i));
            else if (assoc != null) k.addAll(assoc.keySet());
            else if (value != null) k.add("0");
            return k;
        }

        boolean isSet() { return value != null || indexed != null || assoc != null; }
    }

    final HashMap<String, Var> map;
    /** One map per active function call: name to the variable it shadowed (null: none). */
    final ArrayList<HashMap<String, Var>> frames = new ArrayList<>();

    Variables() {
        map = new HashMap<>();
    }

    Variables(Variables other) {
        map = new HashMap<>(other.map.size() * 2);
        for (var e : other.map.entrySet()) map.put(e.getKey(), e.getValue().copy());
        // frames are not needed in a copy: a subshell never returns into the caller's frames
        for (var f : other.frames) {
            HashMap<String, Var> c = new HashMap<>();
            for (var e : f.entrySet()) c.put(e.getKey(), e.getValue() == null ? null : e.getValue().copy());
            frames.add(c);
        }
    }

    Var get(String name) { return map.get(name); }

    Var getOrCreate(String name) {
        Var v = map.get(name);
        if (v == null) {
            v = new Var();
            map.put(name, v);
        }
        return v;
    }

    void pushFrame() { frames.add(new HashMap<>()); }

    void popFrame() {
        HashMap<String, Var> f = frames.remove(frames.size() - 1);
        for (var e : f.entrySet()) {
            if (e.getValue() == null) map.remove(e.getKey());
            else map.put(e.getKey(), e.getValue());
        }
    }

    /** Makes name local to the current function; returns the fresh variable. */
    Var makeLocal(String name) {
        HashMap<String, Var> f = frames.get(frames.size() - 1);
        if (!f.containsKey(name)) {
            Var old = map.get(name);
            f.put(name, old);
            Var v = new Var();
            if (old != null && old.exported) v.exported = true;
            map.put(name, v);
            return v;
        }
        return getOrCreate(name);
    }

    boolean inFunction() { return !frames.isEmpty(); }

    Map<String, String> exported() {
        Map<String, String> env = new LinkedHashMap<>();
        for (var e : map.entrySet()) {
            Var v = e.getValue();
            if (v.exported && v.value != null && !v.isArray()) env.put(e.getKey(), v.value);
        }
        return env;
    }
}
