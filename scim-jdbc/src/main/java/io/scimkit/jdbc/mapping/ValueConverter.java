package io.scimkit.jdbc.mapping;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Converts between the value of a SCIM attribute and what the application keeps in its column, for
 * columns that do not hold the attribute's type (RFC 7643 §2.3) as it is, such as a status text
 * for {@code active}. SCIM values are plain Java values: {@code String}, {@code Boolean},
 * {@code Long}, {@code BigDecimal} or {@code java.time.Instant}, as
 * {@link io.scimkit.core.codec.JsonColumn} gives them.
 *
 * <p>Filters on an attribute with a converter are evaluated by the core, except for
 * {@link #flag}, whose {@code eq} the store turns into SQL.
 */
public interface ValueConverter {

    /** The column value for a SCIM value (never {@code null}; an unassigned attribute is SQL {@code NULL}). */
    @Nullable Object toColumn(Object scimValue);

    /** The SCIM value for a column value (never {@code null}); {@code null} leaves the attribute unassigned. */
    @Nullable Object fromColumn(Object columnValue);

    /**
     * A boolean attribute kept as one of two column values, e.g. {@code active} as
     * {@code status = 'ACTIVE'}: {@code true} is written as {@code trueValue}, {@code false} as
     * {@code falseValue}; a stored value is {@code true} exactly when it equals {@code trueValue}
     * (any other non-null value reads as {@code false}). {@code active eq true} becomes
     * {@code status = 'ACTIVE'} in SQL.
     */
    static ValueConverter flag(Object trueValue, Object falseValue) {
        return new FlagConverter(trueValue, falseValue);
    }
}
