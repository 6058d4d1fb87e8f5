package io.scimkit.core.value;

import java.util.Objects;

/** A SCIM {@code string} value (RFC 7643 §2.3.1): a sequence of Unicode characters, kept as sent. */
public record StringValue(String value) implements ScimValue {
    public StringValue {
        Objects.requireNonNull(value, "value");
    }

    /** The value for the given text. */
    public static StringValue of(String value) {
        return new StringValue(value);
    }

    @Override
    public <R> R accept(ScimValueVisitor<R> visitor) {
        return visitor.visitString(this);
    }
}
