package io.scimkit.core.store;

import io.scimkit.core.schema.ResolvedAttribute;
import java.util.Objects;

/**
 * A sort request (RFC 7644 §3.4.2.3): the attribute to sort by, already resolved against the
 * schema (so a store knows its type and caseExact), and the order. A multi-valued attribute sorts
 * by its primary value, else its first (RFC 7644 §3.4.2.3); resources without the attribute sort last in
 * ascending order.
 */
public record Sort(ResolvedAttribute by, SortOrder order) {
    public Sort {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(order, "order");
    }
}
