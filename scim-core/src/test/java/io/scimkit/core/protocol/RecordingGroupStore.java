package io.scimkit.core.protocol;

import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A group store that records what the core asks of it: how often it had to load a group's
 * members, and every update. Used to check that member PATCHes cost O(change) (DESIGN.md §4).
 */
final class RecordingGroupStore implements GroupStore {
    private static final AttributePath MEMBERS = AttributePath.of("members");

    private final GroupStore delegate;
    final AtomicInteger loadsWithMembers = new AtomicInteger();
    final AtomicInteger loadsWithoutMembers = new AtomicInteger();
    final List<ResourceUpdate> updates = new CopyOnWriteArrayList<>();

    RecordingGroupStore(GroupStore delegate) {
        this.delegate = delegate;
    }

    void reset() {
        loadsWithMembers.set(0);
        loadsWithoutMembers.set(0);
        updates.clear();
    }

    @Override
    public StoreCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public ScimResource create(StoreContext context, ResourceCreate resource) {
        return delegate.create(context, resource);
    }

    @Override
    public Optional<ScimResource> get(StoreContext context, String id) {
        (context.projection().includes(MEMBERS) ? loadsWithMembers : loadsWithoutMembers).incrementAndGet();
        return delegate.get(context, id);
    }

    @Override
    public StorePage search(StoreContext context, StoreQuery query) {
        return delegate.search(context, query);
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update) {
        updates.add(update);
        if (context.projection().includes(MEMBERS)) {
            loadsWithMembers.incrementAndGet();
        }
        return delegate.update(context, update);
    }

    @Override
    public void delete(StoreContext context, ResourceDelete delete) {
        delegate.delete(context, delete);
    }

    @Override
    public List<GroupMembership> groupsOf(StoreContext context, String memberId) {
        return delegate.groupsOf(context, memberId);
    }
}
