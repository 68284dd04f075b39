package dev.agentos.commands.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** HTTP header fields in wire order; names compare case-insensitively, as RFC 9110 says. */
public record HttpHeaders(List<Field> fields) {
    /** One header line. */
    public record Field(String name, String value) {}

    public static final HttpHeaders EMPTY = new HttpHeaders(List.of());

    public HttpHeaders {
        fields = List.copyOf(fields);
    }

    /** The first value of {@code name}. */
    public Optional<String> first(String name) {
        for (Field f : fields) if (f.name.equalsIgnoreCase(name)) return Optional.of(f.value);
        return Optional.empty();
    }

    public List<String> all(String name) {
        return fields.stream().filter(f -> f.name.equalsIgnoreCase(name)).map(Field::value).toList();
    }

    public boolean has(String name) {
        return first(name).isPresent();
    }

    /** A copy with {@code name: value} appended. */
    public HttpHeaders with(String name, String value) {
        List<Field> copy = new ArrayList<>(fields);
        copy.add(new Field(name, value));
        return new HttpHeaders(copy);
    }

    /** A copy without any {@code name} field. */
    public HttpHeaders without(String name) {
        return new HttpHeaders(fields.stream().filter(f -> !f.name.equalsIgnoreCase(name)).toList());
    }

    /** True when a comma-separated header such as Connection or Transfer-Encoding lists {@code token}. */
    public boolean lists(String name, String token) {
        for (String v : all(name)) {
            for (String t : v.split(",")) if (t.strip().equalsIgnoreCase(token)) return true;
        }
        return false;
    }
}
