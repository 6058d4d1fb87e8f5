package io.scimkit.core.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** HTTP header fields with case-insensitive names (RFC 9110 §5.1). Immutable. */
public final class HttpHeaders {
    /** No headers. */
    public static final HttpHeaders EMPTY = new HttpHeaders(Map.of());

    private final Map<String, List<String>> fields;

    private HttpHeaders(Map<String, List<String>> fields) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fields.forEach((name, values) -> copy.merge(name, List.copyOf(values), (a, b) -> {
            List<String> joined = new ArrayList<>(a);
            joined.addAll(b);
            return List.copyOf(joined);
        }));
        this.fields = Collections.unmodifiableMap(copy);
    }

    /** Headers with these fields; names that differ only in case are merged. */
    public static HttpHeaders of(Map<String, List<String>> fields) {
        return new HttpHeaders(fields);
    }

    /** Headers from name/value pairs: {@code of("Accept", "application/scim+json")}. */
    public static HttpHeaders of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.computeIfAbsent(namesAndValues[i], name -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return new HttpHeaders(fields);
    }

    /** The first value of the field, if present. */
    public Optional<String> first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of the field, in order; empty if absent. */
    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /** All fields; names compare without regard to case. */
    public Map<String, List<String>> asMap() {
        return fields;
    }

    @Override
    public String toString() {
        // Authorization values never appear in logs or messages.
        StringBuilder text = new StringBuilder("HttpHeaders[");
        fields.forEach((name, values) -> text.append(name).append('=')
                .append(name.toLowerCase(Locale.ROOT).equals("authorization") ? "<redacted>" : values).append(' '));
        return text.append(']').toString();
    }
}
