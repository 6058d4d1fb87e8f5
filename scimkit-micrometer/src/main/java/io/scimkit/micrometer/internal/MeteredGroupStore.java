package io.scimkit.micrometer.internal;

import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A timed {@link GroupStore}. Each member operation goes to the wrapped store's own implementation
 * (a database store answers {@link #membersAmong} with one query, or streams
 * {@link #forEachMember} with a cursor), never to this interface's defaults, and is timed once.
 * {@code for-each-member} includes the time the action took, which writes the members to the response.
 */
final class MeteredGroupStore extends MeteredResourceStore implements GroupStore {
    private final GroupStore groups;

    MeteredGroupStore(GroupStore store, MeteredStores.Calls calls) {
        super(store, calls);
        this.groups = store;
    }

    @Override
    public List<GroupMembership> groupsOf(StoreContext context, String memberId) {
        return calls.time("groups-of", () -> groups.groupsOf(context, memberId));
    }

    @Override
    public Set<String> membersAmong(StoreContext context, String groupId, Set<String> memberIds) {
        return calls.time("members-among", () -> groups.membersAmong(context, groupId, memberIds));
    }

    @Override
    public void forEachMember(StoreContext context, String groupId, Consumer<ComplexValue> action) {
        calls.run("for-each-member", () -> groups.forEachMember(context, groupId, action));
    }

    @Override
    public void addMembers(StoreContext context, String groupId, List<ComplexValue> members) {
        calls.run("add-members", () -> groups.addMembers(context, groupId, members));
    }

    @Override
    public void removeMembers(StoreContext context, String groupId, Set<String> memberIds) {
        calls.run("remove-members", () -> groups.removeMembers(context, groupId, memberIds));
    }

    @Override
    public void replaceMembers(StoreContext context, String groupId, List<ComplexValue> members) {
        calls.run("replace-members", () -> groups.replaceMembers(context, groupId, members));
    }
}
