package io.scimkit.core.patch;

import io.scimkit.core.filter.Filter;
import io.scimkit.core.filter.FilterEvaluator;
import io.scimkit.core.patch.internal.PatchTarget;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ElementMatcher}s one engine has compiled, keyed by the identity of the target's
 * filter. The {@link PathResolver} hands out the same target for the same path text, so a value
 * filter Entra sends on every request ({@code emails[type eq "work"]}) is compiled once per engine.
 * Bounded by {@link #MAX_KEPT}; a filter that fails to compile throws and is not kept. Thread-safe.
 */
final class ElementMatchers {
    /** Distinct filters kept, as many as the resolver keeps paths. */
    static final int MAX_KEPT = PathResolver.MAX_KEPT;

    private final FilterEvaluator evaluator;
    private final Map<FilterIdentity, ElementMatcher> compiled = new ConcurrentHashMap<>();

    ElementMatchers(FilterEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * The matcher of the target's filter.
     *
     * @throws io.scimkit.core.error.ScimException {@code invalidFilter} if it does not fit the schema
     */
    ElementMatcher of(PatchTarget target, Filter filter) {
        FilterIdentity key = new FilterIdentity(target, filter);
        ElementMatcher matcher = compiled.get(key);
        if (matcher == null) {
            matcher = ElementMatcher.compile(evaluator, target, filter);
            if (compiled.size() < MAX_KEPT) {
                compiled.putIfAbsent(key, matcher);
            }
        }
        return matcher;
    }

    /** Target and filter by identity: equal-looking targets of other paths get their own matcher. */
    private static final class FilterIdentity {
        private final PatchTarget target;
        private final Filter filter;

        FilterIdentity(PatchTarget target, Filter filter) {
            this.target = target;
            this.filter = filter;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FilterIdentity key && key.target == target && key.filter == filter;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(target) * 31 + System.identityHashCode(filter);
        }
    }
}
