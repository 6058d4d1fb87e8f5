package io.scimkit.core.filter;

import io.scimkit.core.path.AttributePath;
import io.scimkit.core.value.ScimValue;

/**
 * A SCIM filter expression (RFC 7644 §3.4.2.2): logical {@code and}, {@code or} and {@code not},
 * an attribute comparison, a presence test ({@code pr}), or a value path
 * ({@code emails[type eq "work"]}).
 *
 * <p>Nodes are immutable records with value equality; {@code toString()} renders canonical filter
 * syntax that {@link FilterParser} parses back to an equal node. Attribute names in paths compare
 * without regard to case, as the RFC requires.
 */
public sealed interface Filter
        permits AndFilter, OrFilter, NotFilter, ComparisonFilter, PresentFilter, ValuePathFilter {

    /** Dispatches to the visitor method for this kind of node. */
    <R> R accept(FilterVisitor<R> visitor);

    /** {@code left and right}. */
    static Filter and(Filter left, Filter right) {
        return new AndFilter(left, right);
    }

    /** {@code left or right}. */
    static Filter or(Filter left, Filter right) {
        return new OrFilter(left, right);
    }

    /** {@code not (inner)}. */
    static Filter not(Filter inner) {
        return new NotFilter(inner);
    }

    /** {@code path op value}, e.g. {@code userName eq "bjensen"}. */
    static Filter compare(AttributePath path, CompareOp op, ScimValue value) {
        return new ComparisonFilter(path, op, value);
    }

    /** {@code path pr}. */
    static Filter present(AttributePath path) {
        return new PresentFilter(path);
    }

    /** {@code path[inner]}, where paths inside {@code inner} name sub-attributes of {@code path}. */
    static Filter valuePath(AttributePath path, Filter inner) {
        return new ValuePathFilter(path, inner);
    }
}
