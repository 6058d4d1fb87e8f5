package io.scimkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.utils.FilterEvaluator;

/**
 * UnboundID SCIM 2 SDK (scim2-sdk-common 5.0.0) through its public API: {@code Filter.fromString}
 * parses without a schema; {@code FilterEvaluator.evaluate} walks the filter over a Jackson tree.
 */
final class UnboundIdSupport {
    private UnboundIdSupport() {
    }

    static Filter parse(String text) {
        try {
            return Filter.fromString(text);
        } catch (BadRequestException e) {
            throw new IllegalArgumentException("UnboundID rejected " + text, e);
        }
    }

    static boolean matches(Filter filter, JsonNode user) {
        try {
            return FilterEvaluator.evaluate(filter, user);
        } catch (ScimException e) {
            throw new IllegalStateException("UnboundID failed to evaluate " + filter, e);
        }
    }
}
