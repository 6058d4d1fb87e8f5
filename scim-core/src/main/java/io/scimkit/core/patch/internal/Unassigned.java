package io.scimkit.core.patch.internal;

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
 * members) so that a patched or replaced resource never keeps such a member.
 */
public final class Unassigned {
    private Unassigned() {
    }

    /** The value without unassigned parts, or {@code null} if nothing assigned is left. */
    public static @Nullable ScimValue strip(@Nullable ScimValue value) {
        if (value == null || value instanceof NullValue) {
            return null;
        }
        if (value instanceof MultiValue multi) {
            return stripMulti(multi);
        }
        if (value instanceof ComplexValue complex) {
            return stripComplex(complex);
        }
        return value;
    }

    // Stored values are nearly always clean already: nothing is copied until a part changes.

    private static @Nullable ScimValue stripMulti(MultiValue multi) {
        List<ScimValue> values = multi.values();
        List<ScimValue> kept = null;
        for (int i = 0; i < values.size(); i++) {
            ScimValue element = values.get(i);
            ScimValue stripped = strip(element);
            if (kept == null && stripped != element) {
                kept = new ArrayList<>(values.size());
                kept.addAll(values.subList(0, i));
            }
            if (kept != null && stripped != null) {
                kept.add(stripped);
            }
        }
        if (kept == null) {
            return values.isEmpty() ? null : multi;
        }
        return kept.isEmpty() ? null : MultiValue.of(kept);
    }

    private static @Nullable ScimValue stripComplex(ComplexValue complex) {
        ComplexValue.Builder kept = null;
        boolean any = false;
        for (Map.Entry<String, ScimValue> entry : complex.attributes().entrySet()) {
            ScimValue stripped = strip(entry.getValue());
            if (kept == null && stripped != entry.getValue()) {
                kept = ComplexValue.builder();
                for (Map.Entry<String, ScimValue> earlier : complex.attributes().entrySet()) {
                    if (earlier == entry || earlier.getKey().equals(entry.getKey())) {
                        break;
                    }
                    kept.put(earlier.getKey(), earlier.getValue());
                }
            }
            if (stripped != null) {
                any = true;
                if (kept != null) {
                    kept.put(entry.getKey(), stripped);
                }
            }
        }
        if (!any) {
            return null;
        }
        return kept == null ? complex : kept.build();
    }

    /** The elements of a multi-valued attribute's value: none when absent, one when a single value was stored. */
    public static List<ScimValue> elements(@Nullable ScimValue value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof MultiValue multi ? multi.values() : List.of(value);
    }
}
