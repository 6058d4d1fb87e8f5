package io.scimkit.examples;

import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.UserStore;
import java.util.Objects;

/**
 * The stores a {@link StoreFactory} opened: a user store and a group store over the same data (so
 * that deleting a user drops it from its groups, which RFC 7644 leaves open), a description for
 * the start-up message, and what to close at shutdown (a connection pool, say).
 *
 * @param users the User store
 * @param groups the Group store
 * @param description what the operator sees, e.g. "in memory (lost on stop)"; never a password
 * @param resources closed once at shutdown
 * @param readiness whether the stores can serve requests now (the readiness endpoint asks it)
 * @param deliversEvents whether the stores deliver the provisioning events of each committed change
 *        themselves, at least once (from a transactional outbox); {@code false}: the server registers
 *        its event listener with the service
 */
public record OpenedStores(UserStore users, GroupStore groups, String description, AutoCloseable resources,
        StoreReadiness readiness, boolean deliversEvents) implements AutoCloseable {

    public OpenedStores {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(readiness, "readiness");
    }

    /** Stores that leave event delivery to the service. */
    public OpenedStores(UserStore users, GroupStore groups, String description, AutoCloseable resources,
            StoreReadiness readiness) {
        this(users, groups, description, resources, readiness, false);
    }

    /** Stores that are always ready (in memory, say). */
    public OpenedStores(UserStore users, GroupStore groups, String description, AutoCloseable resources) {
        this(users, groups, description, resources, StoreReadiness.ALWAYS);
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
