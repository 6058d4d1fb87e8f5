package io.scimkit.core.value;

/**
 * An attribute value of a SCIM resource (RFC 7643 §2.3). Every value is immutable and thread-safe.
 *
 * <p>Code that needs to treat the kinds differently uses a {@link ScimValueVisitor}; adding a kind
 * then breaks every visitor at compile time instead of falling through silently.
 */
public sealed interface ScimValue
        permits StringValue, BooleanValue, IntegerValue, DecimalValue, DateTimeValue, BinaryValue,
                ReferenceValue, ComplexValue, MultiValue, NullValue {

    /** Dispatches to the visitor method for this kind of value. */
    <R> R accept(ScimValueVisitor<R> visitor);

    /**
     * Whether this value counts as unassigned: RFC 7643 §2.5 treats {@code null}, an empty array
     * and (for complex values) an object without assigned sub-attributes as "no value".
     */
    default boolean isUnassigned() {
        return false;
    }
}
