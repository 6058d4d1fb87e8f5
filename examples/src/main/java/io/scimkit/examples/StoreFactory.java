package io.scimkit.examples;

import io.scimkit.core.event.ProvisioningListener;
import io.scimkit.core.schema.SchemaRegistry;

/**
 * One kind of {@code --store} value: recognises its syntax and opens a user store and a group store
 * over the same data, so that a deleted user leaves its groups. A new store is one more
 * implementation listed in {@link StoreFactories#standard}; nothing else changes.
 */
public interface StoreFactory {

    /** The syntax, for help and error messages, e.g. {@code memory} or {@code h2:<dir>}. */
    String syntax();

    /** Whether the {@code --store} value is of this factory's syntax. */
    boolean accepts(String spec);

    /**
     * Opens the stores. Called once at start; the result is closed at shutdown.
     *
     * @throws IllegalArgumentException if the value has this syntax but is malformed
     */
    OpenedStores open(String spec, SchemaRegistry registry);

    /**
     * Opens the stores so that they hand every committed change's provisioning events to
     * {@code events} themselves, at least once, when they can (a transactional outbox: the JDBC
     * stores); then {@link OpenedStores#deliversEvents()} is {@code true}. A store that cannot
     * (the default) opens as {@link #open(String, SchemaRegistry)} does, and the server registers the
     * listener with the service instead, which tells it of each change once, synchronously.
     */
    default OpenedStores open(String spec, SchemaRegistry registry, ProvisioningListener events) {
        return open(spec, registry);
    }
}
