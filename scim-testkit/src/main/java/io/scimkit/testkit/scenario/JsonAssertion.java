package io.scimkit.testkit.scenario;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One check on a JSON response body: a JsonPath expression ({@code $.Resources[0].id}) and what
 * its value must be. {@code because} says, in words a failing report shows, what it means when
 * the check fails ("removing one member removed others").
 *
 * @param path a JsonPath expression (json-path syntax)
 * @param kind what is checked
 * @param expected the expected value (for {@code EQUALS}, {@code CONTAINS}, {@code NOT_CONTAINS}),
 *     size ({@code SIZE}) or regular expression ({@code MATCHES}); {@code null} for the others
 * @param because why the check matters, or {@code null}
 */
public record JsonAssertion(String path, Kind kind, @Nullable JsonTemplate expected, @Nullable String because) {

    /** The kinds of check. */
    public enum Kind {
        /** The value equals the expected JSON value (numbers by value, strings exactly). */
        EQUALS("equals"),
        /** The path selects something (for a path with filters or wildcards: at least one value). */
        EXISTS("exists"),
        /** The path selects nothing. */
        ABSENT("absent"),
        /** The selected array (or object, or string) has this many elements (members, characters). */
        SIZE("size"),
        /** The selected string matches the regular expression as a whole. */
        MATCHES("matches"),
        /** The selected array has an element equal to the expected value. */
        CONTAINS("contains"),
        /** The selected array (or nothing) has no element equal to the expected value. */
        NOT_CONTAINS("notContains");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The key of this kind in scenario files. */
        public String key() {
            return key;
        }
    }

    public JsonAssertion {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        boolean needsValue = kind != Kind.EXISTS && kind != Kind.ABSENT;
        if (needsValue != (expected != null)) {
            throw new IllegalArgumentException(kind.key() + (needsValue ? " needs" : " takes no") + " expected value");
        }
    }

    /** A readable form for reports, e.g. {@code $.totalResults equals 0}. */
    public String describe() {
        return path + " " + kind.key() + (expected == null ? "" : " " + expected);
    }
}
