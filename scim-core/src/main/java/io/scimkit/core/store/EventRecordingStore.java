package io.scimkit.core.store;

import io.scimkit.core.resource.ScimResource;

/**
 * A store that writes the provisioning events of each change in the change's own transaction (a
 * transactional outbox), so that an event is recorded if and only if its change is committed, and
 * something else (such as the JDBC store's outbox dispatcher) delivers the recorded events later,
 * at least once. Opt-in: a store that does not implement this interface, or whose
 * {@link #recordsEvents()} is {@code false}, is called through the plain {@link ResourceStore}
 * methods, and the service's listeners are told of its changes synchronously after each write.
 *
 * <p>The core still computes every event (from the resource before the change and what the store
 * wrote): each method below takes a {@link PendingEvents} function, which the store calls inside
 * its transaction after the write succeeded and before the commit, with what it wrote (the
 * resource with its {@code id} and new {@code meta.version}, or for a delete the groups the
 * resource left), and whose events it stores in the same transaction. Otherwise each method does
 * exactly what the {@link ResourceStore} method of the same name does. Listeners registered with
 * the service are still told of the change synchronously after the commit, as for any store.
 */
public interface EventRecordingStore extends ResourceStore {

    /**
     * Whether this store records events now. {@code false} when recording is switched off in its
     * configuration: the core then calls the plain methods.
     */
    boolean recordsEvents();

    /**
     * {@link ResourceStore#create} (RFC 7644 §3.3), recording {@code events.of(WrittenChange.of(created))}
     * in the same transaction.
     *
     * @return the stored resource, with {@code id} and {@code meta}
     */
    ScimResource create(StoreContext context, ResourceCreate resource, PendingEvents events);

    /**
     * {@link ResourceStore#update} (RFC 7644 §3.5: a PUT, a PATCH, a soft delete), recording
     * {@code events.of(WrittenChange.of(updated))} in the same transaction.
     */
    ScimResource update(StoreContext context, ResourceUpdate update, PendingEvents events);

    /**
     * {@link ResourceStore#delete} (RFC 7644 §3.6), recording
     * {@code events.of(WrittenChange.deleted(groupsLeft))} in the same transaction, where
     * {@code groupsLeft} are the groups this store removed the resource from in that transaction
     * (empty when it leaves that to the core, whose removals are then updates with their own events).
     */
    void delete(StoreContext context, ResourceDelete delete, PendingEvents events);
}
