package io.scimkit.micrometer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.ForwardingResourceStore;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.UserStore;
import io.scimkit.core.store.memory.InMemoryStores;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.micrometer.ScimMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The store decorators forward to the wrapped store's own implementations and time each call once. */
class MeteredGroupStoreTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MeteredStores meters = new MeteredStores(registry);
    private final SchemaRegistry schemas = SchemaRegistry.core();
    private final ResourceType groupType = schemas.resourceType("Group").orElseThrow();
    private final StoreContext context = new StoreContext("acme", "test", groupType,
            Projection.none(schemas, groupType), Instant.parse("2026-01-01T00:00:00Z"));

    /** A group store whose member operations are its own (as a database store's are), recording each call. */
    private static final class OwnMemberOperations implements GroupStore, ForwardingResourceStore {
        final List<String> calls = new ArrayList<>();
        private final StoreCapabilities capabilities = StoreCapabilities.everything();
        private final GroupStore delegate;

        OwnMemberOperations(GroupStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public ResourceStore delegate() {
            return delegate;
        }

        @Override
        public StoreCapabilities capabilities() {
            return capabilities;
        }

        @Override
        public List<GroupMembership> groupsOf(StoreContext context, String memberId) {
            calls.add("groupsOf");
            return delegate.groupsOf(context, memberId);
        }

        @Override
        public Set<String> membersAmong(StoreContext context, String groupId, Set<String> memberIds) {
            calls.add("membersAmong");
            return Set.of();
        }

        @Override
        public void forEachMember(StoreContext context, String groupId, Consumer<ComplexValue> action) {
            calls.add("forEachMember");
        }

        @Override
        public void addMembers(StoreContext context, String groupId, List<ComplexValue> members) {
            calls.add("addMembers");
        }

        @Override
        public void removeMembers(StoreContext context, String groupId, Set<String> memberIds) {
            calls.add("removeMembers");
        }

        @Override
        public void replaceMembers(StoreContext context, String groupId, List<ComplexValue> members) {
            calls.add("replaceMembers");
        }

        @Override
        public Optional<ScimResource> get(StoreContext context, String id) {
            calls.add("get");
            return delegate.get(context, id);
        }
    }

    @Test
    void everyGroupOperationGoesToTheWrappedStoresOwnImplementationAndIsTimedOnce() {
        OwnMemberOperations own = new OwnMemberOperations(InMemoryStores.create(schemas).groups());
        GroupStore metered = meters.groups(own);

        metered.groupsOf(context, "u1");
        metered.membersAmong(context, "g1", Set.of("u1"));
        metered.forEachMember(context, "g1", member -> { });
        metered.addMembers(context, "g1", List.of());
        metered.removeMembers(context, "g1", Set.of("u1"));
        metered.replaceMembers(context, "g1", List.of());
        metered.get(context, "g1");

        assertThat(own.calls).containsExactly("groupsOf", "membersAmong", "forEachMember", "addMembers",
                "removeMembers", "replaceMembers", "get");
        for (String operation : List.of("groups-of", "members-among", "for-each-member", "add-members",
                "remove-members", "replace-members", "get")) {
            assertThat(registry.get(ScimMetrics.STORE_CALLS).tags("resource.type", "Group", "operation", operation,
                    "outcome", "success").timer().count()).as(operation).isEqualTo(1);
        }
        assertThat(metered.capabilities()).as("the service pushes down what the wrapped store evaluates")
                .isSameAs(own.capabilities());
    }

    @Test
    void aStoreKeepsItsInterfaceAndFailuresAreTimedByOutcome() {
        InMemoryStores stores = InMemoryStores.create(schemas);
        assertThat(meters.of("User", stores.users())).isInstanceOf(UserStore.class);
        assertThat(meters.of("Group", stores.groups())).isInstanceOf(GroupStore.class);
        ResourceStore broken = new ForwardingResourceStore() {
            @Override
            public ResourceStore delegate() {
                return stores.users();
            }

            @Override
            public Optional<ScimResource> get(StoreContext context, String id) {
                throw id.equals("gone") ? ScimException.notFound("no such resource") : new IllegalStateException("down");
            }
        };
        ResourceStore metered = meters.of("Device", broken);
        assertThat(metered).isNotInstanceOf(UserStore.class).isNotInstanceOf(GroupStore.class);

        assertThatThrownBy(() -> metered.get(context, "gone")).isInstanceOf(ScimException.class);
        assertThatThrownBy(() -> metered.get(context, "x")).isInstanceOf(IllegalStateException.class);

        assertThat(registry.get(ScimMetrics.STORE_CALLS).tags("resource.type", "Device", "outcome", "rejected").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get(ScimMetrics.STORE_CALLS).tags("resource.type", "Device", "outcome", "error").timer()
                .count()).isEqualTo(1);
    }
}
