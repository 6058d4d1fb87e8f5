package io.scimkit.core.store;

import io.scimkit.core.filter.Filter;

/**
 * What a store can do itself. The core passes a store only the filters it says it evaluates
 * exactly; for any other filter the core asks for every resource of the tenant and filters,
 * sorts and pages in memory (and logs it, because it is slow for large tenants).
 */
public interface StoreCapabilities {

    /** Whether the store evaluates this filter exactly, with the semantics of {@code FilterEvaluator}. */
    boolean evaluates(Filter filter);

    /** Whether the store sorts itself; if not, the core sorts. */
    boolean sorts();

    /** Whether the store pages by cursor itself (RFC 9865); if not, cursor requests are paged by the core. */
    boolean cursors();

    /** A store that evaluates every filter, sorts and pages by cursor, like the in-memory store. */
    static StoreCapabilities everything() {
        return new StoreCapabilities() {
            @Override
            public boolean evaluates(Filter filter) {
                return true;
            }

            @Override
            public boolean sorts() {
                return true;
            }

            @Override
            public boolean cursors() {
                return true;
            }
        };
    }
}
