package io.scimkit.core.value;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A SCIM {@code decimal} value (RFC 7643 §2.3.3). The {@link BigDecimal} keeps the scale the client
 * sent, so {@code 1.50} reads back as {@code 1.50}; compare numerically with
 * {@link BigDecimal#compareTo}.
 */
public record DecimalValue(BigDecimal value) implements ScimValue {
    public DecimalValue {
        Objects.requireNonNull(value, "value");
    }

    /** The value for the given number. */
    public static DecimalValue of(BigDecimal value) {
        return new DecimalValue(value);
    }

    @Override
    public <R> R accept(ScimValueVisitor<R> visitor) {
        return visitor.visitDecimal(this);
    }
}
