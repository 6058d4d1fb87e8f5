package io.scimkit.jdbc;

import io.scimkit.core.store.ForwardingResourceStore;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.UserStore;

/**
 * The JDBC store of User resources (RFC 7643 §4.1): {@code userName} unique per tenant without
 * regard to case (RFC 7643 §4.1.1) through a unique index on its folded key (the fold of
 * {@link io.scimkit.core.store.IndexKey}, which also unifies Unicode compatibility forms), indexed
 * {@code externalId} (unique only when configured: RFC 7643 §3.1 leaves it to the client) and
 * {@code emails} values, so Entra's {@code eq} lookups are index lookups; everything else is kept
 * in a JSON body. Deleting a user removes it from every group of its tenant (RFC 7644 §3.6 leaves
 * this open). Created by {@link JdbcStores#create}; thread-safe.
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
