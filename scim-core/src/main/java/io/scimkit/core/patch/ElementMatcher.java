package io.scimkit.core.patch;

import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterEvaluator;
import io.scimkit.core.filter.ResourceMatcher;
import io.scimkit.core.patch.internal.PatchTarget;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import java.util.Map;

/**
 * Tells which elements of a multi-valued attribute a PATCH value filter selects
 * ({@code emails[type eq "work"]}, RFC 7644 §3.5.2). The filter is compiled once as the value path
 * {@code attr[filter]} by the {@link FilterEvaluator} and matched against a body holding just the
 * one element, so PATCH and search share one filter semantics.
 */
final class ElementMatcher {
    private final ResourceMatcher matcher;
    private final PatchTarget target;

    private ElementMatcher(ResourceMatcher matcher, PatchTarget target) {
        this.matcher = matcher;
        this.target = target;
    }

    /**
     * Compiles the target's filter.
     *
     * @throws io.scimkit.core.error.ScimException {@code invalidFilter} if it does not fit the schema
     */
    static ElementMatcher compile(FilterEvaluator evaluator, PatchTarget target, Filter filter) {
        AttributePath path = new AttributePath(target.extensionUrn(), target.attribute().name(), null);
        return new ElementMatcher(evaluator.compile(Filter.valuePath(path, filter)), target);
    }

    /** Whether the filter selects this element. */
    boolean matches(ScimValue element) {
        ComplexValue scope = ComplexValue.of(Map.of(target.attribute().name(), MultiValue.of(element)));
        String urn = target.extensionUrn();
        if (urn != null) {
            scope = ComplexValue.of(Map.of(urn, scope));
        }
        return matcher.matches(scope);
    }
}
