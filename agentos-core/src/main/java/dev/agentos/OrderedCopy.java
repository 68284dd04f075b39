package dev.agentos;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies that keep insertion order: environments are printed in the order they were set. */
final class OrderedCopy {
    private OrderedCopy() {}

    static Map<String, String> of(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
