package io.scimkit.core.protocol;

import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.filter.Filter;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.Paging;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.store.UserStore;
import java.util.List;
import java.util.Optional;

/**
 * A store that claims fewer capabilities than the store it wraps, and fails the test if the core
 * hands it a sort or cursor it did not claim: so that each mix of store and core work is exercised.
 */
final class LimitedStore implements UserStore, GroupStore {
    private final ResourceStore delegate;
    private final boolean sorts;

    LimitedStore(ResourceStore delegate, boolean sorts) {
        this.delegate = delegate;
        this.sorts = sorts;
    }

    @Override
    public StoreCapabilities capabilities() {
        return new StoreCapabilities() {
            @Override
            public boolean evaluates(Filter filter) {
                return delegate.capabilities().evaluates(filter);
            }

            @Override
            public boolean sorts() {
                return sorts;
            }

            @Override
            public boolean cursors() {
                return false;
            }
        };
    }

    @Override
    public StorePage search(StoreContext context, StoreQuery query) {
        if (query.sort() != null && !sorts || query.paging() instanceof Paging.Cursor) {
            throw new AssertionError("the core handed a store a query beyond its capabilities: " + query);
        }
        return delegate.search(context, query);
    }

    @Override
    public ScimResource create(StoreContext context, ResourceCreate resource) {
        return delegate.create(context, resource);
    }

    @Override
    public Optional<ScimResource> get(StoreContext context, String id) {
        return delegate.get(context, id);
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update) {
        return delegate.update(context, update);
    }

    @Override
    public void delete(StoreContext context, ResourceDelete delete) {
        delegate.delete(context, delete);
    }

    @Override
    public List<GroupMembership> groupsOf(StoreContext context, String memberId) {
        return ((GroupStore) delegate).groupsOf(context, memberId);
    }
}
