package io.scimkit.core.value;

/** A SCIM {@code boolean} value (RFC 7643 §2.3.2): the JSON literal {@code true} or {@code false}. */
public record BooleanValue(boolean value) implements ScimValue {
    /** The value {@code true}. */
    public static final BooleanValue TRUE = new BooleanValue(true);
    /** The value {@code false}. */
    public static final BooleanValue FALSE = new BooleanValue(false);

    /** One of the two shared instances. */
    public static BooleanValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public <R> R accept(ScimValueVisitor<R> visitor) {
        return visitor.visitBoolean(this);
    }
}
