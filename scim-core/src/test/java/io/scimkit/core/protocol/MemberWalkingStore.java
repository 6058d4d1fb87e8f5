package io.scimkit.core.protocol;

import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.ForwardingResourceStore;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.value.ComplexValue;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A group store over another that counts how the core reads members: loads of whole groups
 * ({@code get} or {@code search} with a projection that returns {@code members}) and member walks
 * ({@link #forEachMember}). One group may be "huge": its members exist only while they are walked,
 * generated one at a time, and loading it whole fails the test (it would be materialised).
 */
final class MemberWalkingStore implements GroupStore, ForwardingResourceStore {
    private static final AttributePath MEMBERS = AttributePath.of("members");

    private final GroupStore delegate;
    private final boolean evaluatesFilters;
    final AtomicInteger loadsWithMembers = new AtomicInteger();
    final AtomicInteger walks = new AtomicInteger();
    final AtomicInteger membersWalked = new AtomicInteger();
    private volatile String hugeId = "";
    private volatile int hugeSize;
    private volatile IntConsumer onHugeMember = index -> { };

    MemberWalkingStore(GroupStore delegate, boolean evaluatesFilters) {
        this.delegate = delegate;
        this.evaluatesFilters = evaluatesFilters;
    }

    /** Makes the group with this id huge: {@code size} generated members, each reported to the listener. */
    void huge(String id, int size, IntConsumer listener) {
        this.hugeId = id;
        this.hugeSize = size;
        this.onHugeMember = listener;
    }

    @Override
    public ResourceStore delegate() {
        return delegate;
    }

    @Override
    public StoreCapabilities capabilities() {
        return evaluatesFilters ? delegate.capabilities() : StoreCapabilities.none();
    }

    @Override
    public Optional<ScimResource> get(StoreContext context, String id) {
        if (context.projection().includes(MEMBERS)) {
            loadsWithMembers.incrementAndGet();
            if (id.equals(hugeId)) {
                throw new AssertionError("the huge group was loaded whole");
            }
        }
        return delegate.get(context, id);
    }

    @Override
    public StorePage search(StoreContext context, StoreQuery query) {
        if (context.projection().includes(MEMBERS)) {
            loadsWithMembers.incrementAndGet();
        }
        return delegate.search(context, query);
    }

    @Override
    public void forEachMember(StoreContext context, String groupId, Consumer<ComplexValue> action) {
        walks.incrementAndGet();
        if (groupId.equals(hugeId)) {
            for (int i = 0; i < hugeSize; i++) {
                onHugeMember.accept(i);
                membersWalked.incrementAndGet();
                action.accept(ComplexValue.builder().put("value", "member-" + i).put("display", "Member " + i).build());
            }
            return;
        }
        delegate.forEachMember(context, groupId, member -> {
            membersWalked.incrementAndGet();
            action.accept(member);
        });
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
