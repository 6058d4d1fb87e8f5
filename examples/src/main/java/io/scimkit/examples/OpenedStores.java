package io.scimkit.examples;

import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.UserStore;
import io.scimkit.jdbc.OutboxDispatcher;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
 * @param outbox the dispatcher that delivers the provisioning events of each committed change at
 *        least once from the stores' transactional outbox, or {@code null} when the server registers
 *        its event listener with the service instead
 */
public record OpenedStores(UserStore users, GroupStore groups, String description, AutoCloseable resources,
        StoreReadiness readiness, @Nullable OutboxDispatcher outbox) implements AutoCloseable {

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
        this(users, groups, description, resources, readiness, null);
    }

    /** Stores that are always ready (in memory, say). */
    public OpenedStores(UserStore users, GroupStore groups, String description, AutoCloseable resources) {
        this(users, groups, description, resources, StoreReadiness.ALWAYS);
    }

    /** Whether the stores deliver events themselves, from their outbox. */
    public boolean deliversEvents() {
        return outbox != null;
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
