package io.scimkit.core.store.memory;

import io.scimkit.core.schema.SchemaRegistry;
import java.util.Objects;

/**
 * A user store and a group store that know each other: deleting a user removes it from the
 * {@code members} of every group of its tenant, and the groups get a new version (RFC 7644 §3.6
 * leaves this open; dangling members would make Entra see users that no longer exist).
 * Deleting a group likewise removes it from groups it was nested in.
 *
 * <pre>{@code
 * InMemoryStores stores = InMemoryStores.create(SchemaRegistry.core());
 * ScimService service = ScimService.builder()
 *         .userStore(stores.users())
 *         .groupStore(stores.groups())
 *         ...
 * }</pre>
 *
 * @param users the user store
 * @param groups the group store
 */
public record InMemoryStores(InMemoryUserStore users, InMemoryGroupStore groups) {
    public InMemoryStores {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(groups, "groups");
    }

    /** Linked stores with default settings ({@code externalId} not unique, 10-minute cursors). */
    public static InMemoryStores create(SchemaRegistry registry) {
        return create(registry, false);
    }

    /**
     * Linked stores; {@code uniqueExternalId} makes {@code externalId} unique per tenant in both
     * (RFC 7643 §3.1 leaves its uniqueness to the client).
     */
    public static InMemoryStores create(SchemaRegistry registry, boolean uniqueExternalId) {
        InMemoryGroupStore groups = InMemoryGroupStore.builder(registry).uniqueExternalId(uniqueExternalId).build();
        InMemoryUserStore users = InMemoryUserStore.builder(registry).uniqueExternalId(uniqueExternalId)
                .groups(groups).build();
        return new InMemoryStores(users, groups);
    }
}
