package io.scimkit.core.store;

import io.scimkit.core.filter.Filter;
import java.util.List;
import java.util.function.Predicate;

/** The capabilities a {@link StoreCapabilities.Builder} built: a filter is evaluated if any predicate accepts it. */
record DeclaredCapabilities(List<Predicate<Filter>> filters, boolean sorts, boolean cursors)
        implements StoreCapabilities {
    @Override
    public boolean evaluates(Filter filter) {
        for (Predicate<Filter> accepts : filters) {
            if (accepts.test(filter)) {
                return true;
            }
        }
        return false;
    }
}
