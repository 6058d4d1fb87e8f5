package io.scimkit.core.store.memory;

import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.ForwardingResourceStore;
import io.scimkit.core.store.GroupMembership;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.StoreContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The in-memory store of Group resources (RFC 7643 §4.2), an {@link InMemoryResourceStore} with
 * {@code displayName} unique per tenant without regard to case (Entra matches groups by it, Q21),
 * an {@code externalId} index, and a member table: member deltas cost O(change),
 * {@link #groupsOf} O(groups of the member), and a read whose projection excludes {@code members}
 * (Entra's {@code excludedAttributes=members}) does not touch them. Deleting a group removes it
 * from the groups it was a member of. Thread-safe.
 */
public final class InMemoryGroupStore implements GroupStore, ForwardingResourceStore {
    private final InMemoryResourceStore store;

    private InMemoryGroupStore(InMemoryResourceStore store) {
        this.store = store;
    }

    /** A builder over a registry that defines the {@code Group} resource type. */
    public static Builder builder(SchemaRegistry registry) {
        return new Builder(registry);
    }

    @Override
    public ResourceStore delegate() {
        return store;
    }

    @Override
    public List<GroupMembership> groupsOf(StoreContext context, String memberId) {
        return store.memberships(context, memberId);
    }

    /**
     * Removes a member from every group of the context's tenant, so that no group lists a deleted
     * resource (RFC 7644 §3.6 leaves this open); what a linked user store calls when it deletes a user.
     */
    public void removeMemberEverywhere(StoreContext context, String memberId) {
        store.removeMemberEverywhere(context, memberId);
    }

    InMemoryResourceStore resourceStore() {
        return store;
    }

    /** Configures an {@link InMemoryGroupStore}. Not thread-safe. */
    public static final class Builder {
        private final InMemoryResourceStore.Builder store;

        private Builder(SchemaRegistry registry) {
            this.store = InMemoryResourceStore.builder(registry, CoreSchemas.GROUP_RESOURCE_TYPE.name())
                    .unique("displayName")
                    .members(true);
        }

        /**
         * Whether {@code externalId} is unique per tenant (default {@code false}: RFC 7643 §3.1 leaves
         * it to the client). It is indexed either way.
         */
        public Builder uniqueExternalId(boolean value) {
            store.uniqueExternalId(value);
            return this;
        }

        /** How long a cursor stays valid (RFC 9865; default 10 minutes). */
        public Builder cursorTimeout(Duration value) {
            store.cursorTimeout(value);
            return this;
        }

        /** The clock cursor expiry is measured with (default: system UTC). */
        public Builder clock(Clock value) {
            store.clock(value);
            return this;
        }

        /** The store. */
        public InMemoryGroupStore build() {
            return new InMemoryGroupStore(store.build());
        }
    }
}
