package io.scimkit.testkit.mutants;

import io.scimkit.core.store.ForwardingResourceStore;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.StoreContext;
import java.util.List;
import java.util.Set;

/** A group store that forwards everything; mutants override the one method they break. */
abstract class DelegatingGroupStore implements GroupStore, ForwardingResourceStore {
    protected final GroupStore delegate;

    DelegatingGroupStore(GroupStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public ResourceStore delegate() {
        return delegate;
    }

    @Override
    public List<GroupMembership> groupsOf(StoreContext context, String memberId) {
        return delegate.groupsOf(context, memberId);
    }

    @Override
    public Set<String> membersAmong(StoreContext context, String groupId, Set<String> memberIds) {
        return delegate.membersAmong(context, groupId, memberIds);
    }
}
