package io.scimkit.core.value;

import java.util.Objects;

/**
 * A SCIM {@code reference} value (RFC 7643 §2.3.7): an absolute or relative URI, kept as sent.
 * References are case-exact.
 */
public record ReferenceValue(String uri) implements ScimValue {
    public ReferenceValue {
        Objects.requireNonNull(uri, "uri");
    }

    /** The value for the given URI text. */
    public static ReferenceValue of(String uri) {
        return new ReferenceValue(uri);
    }

    @Override
    public <R> R accept(ScimValueVisitor<R> visitor) {
        return visitor.visitReference(this);
    }
}
