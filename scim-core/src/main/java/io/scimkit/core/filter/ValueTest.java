package io.scimkit.core.filter;

import io.scimkit.core.value.ScimValue;

/**
 * A test of one stored attribute value (one element, for a multi-valued attribute). Tests answer
 * {@code false} for values of an unexpected kind instead of throwing: stored data is not the
 * client's fault, and a filter's errors must not depend on data.
 */
@FunctionalInterface
interface ValueTest {
    boolean test(ScimValue value);
}
