package io.scimkit.testkit.mutants;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.UserStore;
import java.util.Optional;

/** A user store that forwards everything; mutants override the one method they break. */
abstract class DelegatingUserStore implements UserStore {
    protected final UserStore delegate;

    DelegatingUserStore(UserStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public StoreCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public ScimResource create(StoreContext context, ScimResource resource) {
        return delegate.create(context, resource);
    }

    @Override
    public Optional<ScimResource> get(StoreContext context, String id) {
        return delegate.get(context, id);
    }

    @Override
    public StorePage search(StoreContext context, StoreQuery query) {
        return delegate.search(context, query);
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update) {
        return delegate.update(context, update);
    }

    @Override
    public void delete(StoreContext context, String id, String expectedVersion) {
        delegate.delete(context, id, expectedVersion);
    }
}
