package io.scimkit.jdbc;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.EventRecordingStore;
import io.scimkit.core.store.ForwardingResourceStore;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.MemberChanges;
import io.scimkit.core.store.PendingEvents;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.value.ComplexValue;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The JDBC store of Group resources (RFC 7643 §4.2): {@code displayName} unique per tenant
 * without regard to case through a unique index (Entra matches groups by it, Q21), members in a
 * table keyed by (tenant, group, member) with an index by member: member deltas are single
 * statements or batches costing O(change), {@link #groupsOf} is an index lookup, and a read whose
 * projection excludes {@code members} does not touch them. Created by {@link JdbcStores#create};
 * thread-safe.
 */
public final class JdbcGroupStore implements GroupStore, ForwardingResourceStore, EventRecordingStore {
    private final JdbcResourceStore store;

    JdbcGroupStore(JdbcResourceStore store) {
        this.store = store;
    }

    @Override
    public ResourceStore delegate() {
        return store;
    }

    /** Whether the stores were created with the outbox on ({@link JdbcStoreOptions#outbox()}). */
    @Override
    public boolean recordsEvents() {
        return store.recordsEvents();
    }

    /** Creates the resource and, with the outbox on, writes its events to {@code scim_outbox} in the same transaction. */
    @Override
    public ScimResource create(StoreContext context, ResourceCreate resource, PendingEvents events) {
        return store.create(context, resource, events);
    }

    /** Updates the resource and, with the outbox on, writes its events to {@code scim_outbox} in the same transaction. */
    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update, PendingEvents events) {
        return store.update(context, update, events);
    }

    /**
     * Deletes the resource (a user also leaves every group) and, with the outbox on, writes its events
     * to {@code scim_outbox} in the same transaction.
     */
    @Override
    public void delete(StoreContext context, ResourceDelete delete, PendingEvents events) {
        store.delete(context, delete, events);
    }

    /**
     * Adds members, skipping present ones: on PostgreSQL several in one statement over arrays, else
     * one batch; does not read the group back.
     */
    @Override
    public void addMembers(StoreContext context, String groupId, List<ComplexValue> members) {
        store.apply(context, new ResourceUpdate(groupId, null, null, new MemberChanges(false, members, Set.of())));
    }

    /** Removes members with one {@code DELETE ... IN (...)}; does not read the group back. */
    @Override
    public void removeMembers(StoreContext context, String groupId, Set<String> memberIds) {
        store.apply(context, new ResourceUpdate(groupId, null, null, new MemberChanges(false, List.of(), memberIds)));
    }

    /** Replaces all members; does not read the group back. */
    @Override
    public void replaceMembers(StoreContext context, String groupId, List<ComplexValue> members) {
        store.apply(context, new ResourceUpdate(groupId, null, null, new MemberChanges(true, members, Set.of())));
    }

    /** One query (per 500 ids) on the membership table's primary key. */
    @Override
    public Set<String> membersAmong(StoreContext context, String groupId, Set<String> memberIds) {
        return store.membersAmong(context, groupId, memberIds);
    }

    /**
     * Reads the members in batches of 1000 by the member sequence, each batch its own short read, so
     * a group of any size is written to a response in bounded memory without holding a connection.
     */
    @Override
    public void forEachMember(StoreContext context, String groupId, Consumer<ComplexValue> action) {
        store.forEachMember(context, groupId, action);
    }

    @Override
    public List<GroupMembership> groupsOf(StoreContext context, String memberId) {
        return store.groupsOf(context, memberId);
    }

    /** One query per chunk of ids on the member index, for a page of users. */
    @Override
    public Map<String, List<GroupMembership>> groupsOfEach(StoreContext context, Collection<String> memberIds) {
        return store.groupsOfEach(context, memberIds);
    }
}
