package io.scimkit.core.patch;

import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Drops what RFC 7643 §2.5 calls unassigned ({@code null}, {@code []}, an object without assigned
 * members) so that a patched or replaced resource never keeps such a member (S-ATTR-18).
 */
final class Unassigned {
    private Unassigned() {
    }

    /** The value without unassigned parts, or {@code null} if nothing assigned is left. */
    static @Nullable ScimValue strip(@Nullable ScimValue value) {
        if (value == null || value instanceof NullValue) {
            return null;
        }
        if (value instanceof MultiValue multi) {
            List<ScimValue> kept = new ArrayList<>(multi.size());
            for (ScimValue element : multi.values()) {
                ScimValue stripped = strip(element);
                if (stripped != null) {
                    kept.add(stripped);
                }
            }
            if (kept.isEmpty()) {
                return null;
            }
            return kept.equals(multi.values()) ? multi : MultiValue.of(kept);
        }
        if (value instanceof ComplexValue complex) {
            ComplexValue.Builder kept = ComplexValue.builder();
            boolean any = false;
            boolean same = true;
            for (Map.Entry<String, ScimValue> entry : complex.attributes().entrySet()) {
                ScimValue stripped = strip(entry.getValue());
                if (stripped != null) {
                    kept.put(entry.getKey(), stripped);
                    any = true;
                }
                same &= stripped == entry.getValue();
            }
            if (!any) {
                return null;
            }
            return same ? complex : kept.build();
        }
        return value;
    }

    /** The elements of a multi-valued attribute's value: none when absent, one when a single value was stored. */
    static List<ScimValue> elements(@Nullable ScimValue value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof MultiValue multi ? multi.values() : List.of(value);
    }
}
