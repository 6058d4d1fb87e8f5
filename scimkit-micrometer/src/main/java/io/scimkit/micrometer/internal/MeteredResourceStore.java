package io.scimkit.micrometer.internal;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.EventRecordingStore;
import io.scimkit.core.store.PendingEvents;
import io.scimkit.core.store.ResourceCreate;
import io.scimkit.core.store.ResourceDelete;
import io.scimkit.core.store.ResourceStore;
import io.scimkit.core.store.ResourceUpdate;
import io.scimkit.core.store.StoreCapabilities;
import io.scimkit.core.store.StoreContext;
import io.scimkit.core.store.StorePage;
import io.scimkit.core.store.StoreQuery;
import java.util.Optional;

/**
 * A store whose five {@link ResourceStore} calls are timed; everything else goes to the store it
 * wraps unchanged (its {@link #capabilities()} included, so the service pushes down the same queries).
 * It records events exactly when the wrapped store does ({@link EventRecordingStore}), so that
 * timing a store with a transactional outbox keeps every change's events in its transaction.
 */
class MeteredResourceStore implements EventRecordingStore {
    private final ResourceStore store;
    final MeteredStores.Calls calls;

    MeteredResourceStore(ResourceStore store, MeteredStores.Calls calls) {
        this.store = store;
        this.calls = calls;
    }

    @Override
    public StoreCapabilities capabilities() {
        return store.capabilities();
    }

    @Override
    public ScimResource create(StoreContext context, ResourceCreate resource) {
        return calls.time("create", () -> store.create(context, resource));
    }

    @Override
    public Optional<ScimResource> get(StoreContext context, String id) {
        return calls.time("get", () -> store.get(context, id));
    }

    @Override
    public StorePage search(StoreContext context, StoreQuery query) {
        return calls.time("search", () -> store.search(context, query));
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update) {
        return calls.time("update", () -> store.update(context, update));
    }

    @Override
    public void delete(StoreContext context, ResourceDelete delete) {
        calls.run("delete", () -> store.delete(context, delete));
    }

    @Override
    public boolean recordsEvents() {
        return store instanceof EventRecordingStore recording && recording.recordsEvents();
    }

    @Override
    public ScimResource create(StoreContext context, ResourceCreate resource, PendingEvents events) {
        return calls.time("create", () -> recorder().create(context, resource, events));
    }

    @Override
    public ScimResource update(StoreContext context, ResourceUpdate update, PendingEvents events) {
        return calls.time("update", () -> recorder().update(context, update, events));
    }

    @Override
    public void delete(StoreContext context, ResourceDelete delete, PendingEvents events) {
        calls.run("delete", () -> recorder().delete(context, delete, events));
    }

    /** The wrapped store as one that records events; the service calls these only when it does. */
    private EventRecordingStore recorder() {
        if (store instanceof EventRecordingStore recording) {
            return recording;
        }
        throw new IllegalStateException("the wrapped store does not record events");
    }

    @Override
    public String toString() {
        return "Metered[" + store + "]";
    }
}
