package io.scimkit.jdbc;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.UserStore;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The JDBC store of User resources (RFC 7643 §4.1): {@code userName} unique per tenant without
 * regard to case through a unique index on its folded key (S-USR-01, K-45), indexed
 * {@code externalId} (unique only when configured, K-49) and {@code emails} values (Entra's
 * lookups, DESIGN.md §4), everything else in a JSON body. Deleting a user removes it from every
 * group of its tenant (K-64). Created by {@link JdbcStores#create}; thread-safe.
 */
public final class JdbcUserStore implements UserStore {
    private final JdbcResourceStore store;

    JdbcUserStore(JdbcResourceStore store) {
        this.store = store;
    }

    @Override
    public StoreCapabilities capabilities() {
        return store.capabilities();
    }

    @Override
    public ScimResource create(StoreContext context, ScimResource resource) {
        return store.create(context, resource);
    }

    @Override
    public Optional<ScimResource> get(StoreContext context, String id) {
        return store.get(context, id);
    }

    @Override
    public StorePage search(StoreContext context, StoreQuery query) {
        return store.search(context, query);
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update) {
        return store.update(context, update);
    }

    @Override
    public void delete(StoreContext context, String id, @Nullable String expectedVersion) {
        store.delete(context, id, expectedVersion);
    }
}
