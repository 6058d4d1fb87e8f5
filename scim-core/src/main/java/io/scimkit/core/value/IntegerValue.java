package io.scimkit.core.value;

/** A SCIM {@code integer} value (RFC 7643 §2.3.4): a JSON number without fraction or exponent. */
public record IntegerValue(long value) implements ScimValue {
    /** The value for the given number. */
    public static IntegerValue of(long value) {
        return new IntegerValue(value);
    }

    @Override
    public <R> R accept(ScimValueVisitor<R> visitor) {
        return visitor.visitInteger(this);
    }
}
