package io.scimkit.jdbc;

import io.scimkit.core.filter.Filter;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.EventRecordingStore;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.PendingEvents;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import io.scimkit.core.value.ComplexValue;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link io.scimkit.core.store.ResourceStore} over one resource type's rows; what {@link JdbcUserStore} and
 * {@link JdbcGroupStore} delegate to. Its capabilities: it evaluates exactly the filters the
 * {@link io.scimkit.jdbc.internal.query.FilterCompiler} compiles (so the core evaluates the others), and
 * sorts and pages by cursor itself (a sort on an attribute without a column is done in Java).
 */
final class JdbcResourceStore implements EventRecordingStore {
    private final ResourceTable table;
    private final SearchRunner search;
    private final StoreCapabilities capabilities;
    private final boolean outbox;

    JdbcResourceStore(ResourceTable table, SearchRunner search, boolean outbox) {
        this.table = table;
        this.search = search;
        this.outbox = outbox;
        this.capabilities = new StoreCapabilities() {
            @Override
            public boolean evaluates(Filter filter) {
                return search.compiler().compile(filter).isPresent();
            }

            @Override
            public boolean sorts() {
                return true;
            }

            @Override
            public boolean cursors() {
                return true;
            }
        };
    }

    @Override
    public StoreCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public boolean recordsEvents() {
        return outbox;
    }

    @Override
    public ScimResource create(StoreContext context, ResourceCreate resource) {
        return table.create(context, resource);
    }

    @Override
    public ScimResource create(StoreContext context, ResourceCreate resource, PendingEvents events) {
        return table.create(context, resource, outbox ? events : null);
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update, PendingEvents events) {
        return outbox ? table.update(context, update, events) : table.update(context, update);
    }

    @Override
    public void delete(StoreContext context, ResourceDelete delete, PendingEvents events) {
        table.delete(context, delete.id(), delete.expectedVersion(), outbox ? events : null);
    }

    @Override
    public Optional<ScimResource> get(StoreContext context, String id) {
        return table.get(context, id);
    }

    @Override
    public StorePage search(StoreContext context, StoreQuery query) {
        return search.search(context, query);
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update) {
        return table.update(context, update);
    }

    @Override
    public void delete(StoreContext context, ResourceDelete delete) {
        table.delete(context, delete.id(), delete.expectedVersion(), null);
    }

    /** Applies an update without reading the result back (the member delta methods). */
    void apply(StoreContext context, ResourceUpdate update) {
        table.update(context, update, false, null);
    }

    Set<String> membersAmong(StoreContext context, String groupId, Set<String> memberIds) {
        return table.membersAmong(context, groupId, memberIds);
    }

    void forEachMember(StoreContext context, String groupId, Consumer<ComplexValue> action) {
        MemberBatches.forEach(table.transactions, context.tenant(), table.type.name(), groupId, action);
    }

    List<GroupMembership> groupsOf(StoreContext context, String memberId) {
        return table.groupsOf(context, memberId);
    }

    Map<String, List<GroupMembership>> groupsOfEach(StoreContext context, Collection<String> memberIds) {
        return table.groupsOfEach(context, memberIds);
    }
}
