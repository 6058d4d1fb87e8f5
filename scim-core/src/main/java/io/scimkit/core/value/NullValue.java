package io.scimkit.core.value;

/**
 * The JSON {@code null} a client sent for an attribute. RFC 7643 §2.5 treats it as "unassigned";
 * it is kept in the tree so that PATCH and PUT can tell "clear this" from "not mentioned".
 */
public record NullValue() implements ScimValue {
    /** The shared instance. */
    public static final NullValue INSTANCE = new NullValue();

    @Override
    public boolean isUnassigned() {
        return true;
    }

    @Override
    public <R> R accept(ScimValueVisitor<R> visitor) {
        return visitor.visitNull(this);
    }
}
