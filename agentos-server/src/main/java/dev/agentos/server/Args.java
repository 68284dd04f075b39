package dev.agentos.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentos.protocol.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The positional arguments of one action, read with strict types: a wrong type, a missing argument
 * or a bad base64 string is a {@code request/invalid_args} error before anything reaches the VM.
 */
final class Args {
    private final String action;
    private final List<JsonNode> values;

    Args(String action, List<JsonNode> values) {
        this.action = action;
        this.values = values;
    }

    int size() { return values.size(); }

    private JsonNode at(int i, String what) {
        if (i >= values.size() || values.get(i).isNull()) throw bad(i, what + " is required");
        return values.get(i);
    }

    private boolean present(int i) { return i < values.size() && !values.get(i).isNull(); }

    private WireError bad(int i, String why) {
        return WireError.invalidArgs(action + ": argument " + i + ": " + why);
    }

    String string(int i) {
        JsonNode n = at(i, "a string");
        if (!n.isTextual()) throw bad(i, "expected a string, got " + n.getNodeType().name().toLowerCase());
        return n.textValue();
    }

    int integer(int i) {
        JsonNode n = at(i, "an integer");
        if (!n.isIntegralNumber() || !n.canConvertToInt()) throw bad(i, "expected an integer, got " + n.getNodeType().name().toLowerCase());
        return n.intValue();
    }

    long longInteger(int i, long orElse) {
        if (!present(i)) return orElse;
        JsonNode n = values.get(i);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) throw bad(i, "expected an integer, got " + n.getNodeType().name().toLowerCase());
        return n.longValue();
    }

    int integer(int i, int orElse) { return present(i) ? integer(i) : orElse; }

    boolean bool(int i, boolean orElse) {
        if (!present(i)) return orElse;
        JsonNode n = values.get(i);
        if (!n.isBoolean()) throw bad(i, "expected a boolean, got " + n.getNodeType().name().toLowerCase());
        return n.booleanValue();
    }

    /** Bytes, sent as a base64 string. */
    byte[] bytes(int i) {
        String s = string(i);
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw bad(i, "expected base64: " + e.getMessage());
        }
    }

    List<String> strings(int i, List<String> orElse) { return present(i) ? strings(i) : orElse; }

    List<String> strings(int i) {
        JsonNode n = at(i, "an array of strings");
        if (!n.isArray()) throw bad(i, "expected an array of strings, got " + n.getNodeType().name().toLowerCase());
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) throw bad(i, "expected an array of strings, found " + e.getNodeType().name().toLowerCase());
            out.add(e.textValue());
        }
        return out;
    }

    /** An object argument mapped onto a record; absent or null gives {@code orElse}. */
    <T> T object(int i, Class<T> type, T orElse) {
        if (!present(i)) return orElse;
        return object(i, type);
    }

    <T> T object(int i, Class<T> type) {
        JsonNode n = at(i, "an object");
        if (!n.isObject()) throw bad(i, "expected an object, got " + n.getNodeType().name().toLowerCase());
        return convert(i, n, type);
    }

    /** An array argument whose items map onto a record. */
    <T> List<T> objects(int i, Class<T> type) {
        JsonNode n = at(i, "an array");
        if (!n.isArray()) throw bad(i, "expected an array, got " + n.getNodeType().name().toLowerCase());
        List<T> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isObject()) throw bad(i, "expected an array of objects, found " + e.getNodeType().name().toLowerCase());
            out.add(convert(i, e, type));
        }
        return out;
    }

    Optional<String> optionalString(int i) { return present(i) ? Optional.of(string(i)) : Optional.empty(); }

    private <T> T convert(int i, JsonNode n, Class<T> type) {
        try {
            return Json.MAPPER.treeToValue(n, type);
        } catch (Exception e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw bad(i, "not a valid " + type.getSimpleName() + ": " + msg);
        }
    }
}
