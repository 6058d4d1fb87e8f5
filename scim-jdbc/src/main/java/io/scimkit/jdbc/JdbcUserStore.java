package io.scimkit.jdbc;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.EventRecordingStore;
import io.scimkit.core.store.ForwardingResourceStore;
import io.scimkit.core.store.PendingEvents;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.UserStore;

/**
 * The JDBC store of User resources (RFC 7643 §4.1): {@code userName} unique per tenant without
 * regard to case (RFC 7643 §4.1.1) through a unique index on its folded key (the fold of
 * {@link io.scimkit.core.store.IndexKey}, which also unifies Unicode compatibility forms), indexed
 * {@code externalId} (unique only when configured: RFC 7643 §3.1 leaves it to the client) and
 * {@code emails} values, so Entra's {@code eq} lookups are index lookups; everything else is kept
 * in a JSON body. Deleting a user removes it from every group of its tenant (RFC 7644 §3.6 leaves
 * this open). Created by {@link JdbcStores#create}; thread-safe.
 */
public final class JdbcUserStore implements UserStore, ForwardingResourceStore, EventRecordingStore {
    private final JdbcResourceStore store;

    JdbcUserStore(JdbcResourceStore store) {
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
}
