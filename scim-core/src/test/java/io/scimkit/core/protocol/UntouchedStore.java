package io.scimkit.core.protocol;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.ResourceCreate;
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
 * A store for tests of endpoints that must never reach a store (discovery, {@code /Me} without a
 * resolver, refused Bulk envelopes): every call fails the test.
 */
final class UntouchedStore implements UserStore, GroupStore {
    @Override
    public StoreCapabilities capabilities() {
        throw touched();
    }

    @Override
    public ScimResource create(StoreContext context, ResourceCreate resource) {
        throw touched();
    }

    @Override
    public Optional<ScimResource> get(StoreContext context, String id) {
        throw touched();
    }

    @Override
    public StorePage search(StoreContext context, StoreQuery query) {
        throw touched();
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update) {
        throw touched();
    }

    @Override
    public void delete(StoreContext context, ResourceDelete delete) {
        throw touched();
    }

    @Override
    public List<GroupMembership> groupsOf(StoreContext context, String memberId) {
        throw touched();
    }

    private static AssertionError touched() {
        return new AssertionError("this endpoint must not touch a store");
    }
}
