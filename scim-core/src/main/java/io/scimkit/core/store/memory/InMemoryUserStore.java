package io.scimkit.core.store.memory;

import io.scimkit.core.store.IndexKey;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.ForwardingResourceStore;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The in-memory store of User resources (RFC 7643 §4.1), an {@link InMemoryResourceStore} with
 * {@code userName} unique per tenant without regard to case (RFC 7643 §4.1.1; see
 * {@link IndexKey} for the fold, which also unifies Unicode compatibility forms), and indexes on
 * {@code externalId} and {@code emails.value} for Entra's lookups. {@code externalId} is unique
 * only with {@link Builder#uniqueExternalId}: RFC 7643 §3.1 leaves it to the client. Linked to a
 * group store with {@link Builder#groups}, deleting a user removes it from every group, which the
 * RFC leaves open (RFC 7644 §3.6); {@link InMemoryStores} does that wiring. Thread-safe.
 */
public final class InMemoryUserStore implements UserStore, ForwardingResourceStore {
    private final InMemoryResourceStore store;

    private InMemoryUserStore(InMemoryResourceStore store) {
        this.store = store;
    }

    /** A builder over a registry that defines the {@code User} resource type. */
    public static Builder builder(SchemaRegistry registry) {
        return new Builder(registry);
    }

    @Override
    public ResourceStore delegate() {
        return store;
    }

    /** Configures an {@link InMemoryUserStore}. Not thread-safe. */
    public static final class Builder {
        private final InMemoryResourceStore.Builder store;

        private Builder(SchemaRegistry registry) {
            this.store = InMemoryResourceStore.builder(registry, CoreSchemas.USER_RESOURCE_TYPE.name())
                    .unique("userName")
                    .indexed("emails.value");
        }

        /**
         * Whether {@code externalId} is unique per tenant (default {@code false}: RFC 7643 §3.1 leaves
         * it to the client). It is indexed either way.
         */
        public Builder uniqueExternalId(boolean value) {
            store.uniqueExternalId(value);
            return this;
        }

        /**
         * Deleting a user removes it from the members of this store's groups, so that no group lists a
         * user that no longer exists (RFC 7644 §3.6 leaves this open).
         */
        public Builder groups(InMemoryGroupStore groups) {
            store.memberOf(Objects.requireNonNull(groups, "groups").resourceStore());
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
        public InMemoryUserStore build() {
            return new InMemoryUserStore(store.build());
        }
    }
}
