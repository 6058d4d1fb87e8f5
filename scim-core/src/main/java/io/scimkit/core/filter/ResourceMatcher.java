package io.scimkit.core.filter;

import io.scimkit.core.value.ComplexValue;

/**
 * A compiled SCIM filter (RFC 7644 §3.4.2.2): tells whether one resource matches. Obtained from
 * {@link FilterEvaluator#compile}, which has already checked the filter against the schema, so
 * matching never throws and never looks at a schema.
 *
 * <p>Matchers are immutable and thread-safe; compile a filter once and match it against many
 * resources.
 */
@FunctionalInterface
public interface ResourceMatcher {

    /**
     * Whether the resource matches.
     *
     * @param resourceBody the whole resource body (RFC 7643 §3): core attributes at the top level,
     *     extension attributes inside objects keyed by their schema URN
     */
    boolean matches(ComplexValue resourceBody);
}
