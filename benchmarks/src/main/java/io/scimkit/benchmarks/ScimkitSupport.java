package io.scimkit.benchmarks;

import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterEvaluator;
import io.scimkit.core.filter.FilterParser;
import io.scimkit.core.filter.FilterSettings;
import io.scimkit.core.filter.ResourceMatcher;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;

/**
 * scimkit through its public API: {@link FilterParser} with the default (lenient) settings, and a
 * {@link FilterEvaluator} for the core User resource type that compiles a filter once into a
 * {@link ResourceMatcher}.
 */
final class ScimkitSupport {
    static final FilterSettings SETTINGS = FilterSettings.lenient();
    static final FilterEvaluator USER_EVALUATOR =
            FilterEvaluator.of(SchemaRegistry.core(), CoreSchemas.USER_RESOURCE_TYPE);

    private ScimkitSupport() {
    }

    static Filter parse(String text) {
        return FilterParser.parse(text, SETTINGS);
    }

    static ResourceMatcher compile(Filter filter) {
        return USER_EVALUATOR.compile(filter);
    }

    /** The Entra sample body as a scimkit complex value. */
    static ComplexValue user() {
        return (ComplexValue) JsonToScimValue.convert(EntraUser.jackson());
    }
}
