package io.scimkit.core.value;

import java.util.List;
import java.util.Objects;

/**
 * The values of a multi-valued attribute (RFC 7643 §2.4), in the order sent. An empty list means
 * "unassigned" (RFC 7643 §2.5).
 */
public record MultiValue(List<ScimValue> values) implements ScimValue {
    /** The empty multi-valued value. */
    public static final MultiValue EMPTY = new MultiValue(List.of());

    public MultiValue {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
    }

    /** The multi-valued value holding these elements. */
    public static MultiValue of(List<? extends ScimValue> values) {
        return new MultiValue(List.copyOf(values));
    }

    /** The multi-valued value holding these elements. */
    public static MultiValue of(ScimValue... values) {
        return new MultiValue(List.of(values));
    }

    /** The number of elements. */
    public int size() {
        return values.size();
    }

    @Override
    public boolean isUnassigned() {
        return values.isEmpty();
    }

    @Override
    public <R> R accept(ScimValueVisitor<R> visitor) {
        return visitor.visitMulti(this);
    }
}
