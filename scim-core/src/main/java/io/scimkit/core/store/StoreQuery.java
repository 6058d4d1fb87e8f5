package io.scimkit.core.store;

import io.scimkit.core.filter.Filter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A query against one resource type (RFC 7644 §3.4.2): the filter the store must apply exactly
 * ({@code null} = every resource of the tenant), the optional sort, and the page wanted. The core
 * only passes filters the store's {@link StoreCapabilities} accept; it evaluates anything else
 * itself over what the store returns.
 */
public record StoreQuery(@Nullable Filter filter, @Nullable Sort sort, Paging paging) {
    public StoreQuery {
        Objects.requireNonNull(paging, "paging");
    }
}
