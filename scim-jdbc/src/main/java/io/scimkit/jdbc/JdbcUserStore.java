package io.scimkit.jdbc;

import io.scimkit.core.store.ForwardingResourceStore;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.UserStore;

/**
 * The JDBC store of User resources (RFC 7643 §4.1): {@code userName} unique per tenant without
 * regard to case through a unique index on its folded key (S-USR-01, K-45), indexed
 * {@code externalId} (unique only when configured, K-49) and {@code emails} values (Entra's
 * lookups, DESIGN.md §4), everything else in a JSON body. Deleting a user removes it from every
 * group of its tenant (K-64). Created by {@link JdbcStores#create}; thread-safe.
 */
public final class JdbcUserStore implements UserStore, ForwardingResourceStore {
    private final JdbcResourceStore store;

    JdbcUserStore(JdbcResourceStore store) {
        this.store = store;
    }

    @Override
    public ResourceStore delegate() {
        return store;
    }
}
