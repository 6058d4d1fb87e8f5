package io.scimkit.core.event;

/**
 * Told of every change a SCIM client made, after the store committed it. Registered on
 * {@code ScimService.builder().listener(...)}; several listeners are called in the order they were
 * registered, each event in the order the changes were committed.
 *
 * <p>Called synchronously on the thread serving the request, before the response is returned: a
 * listener that takes long delays the client. An exception it throws is logged (with an error id)
 * and otherwise ignored; the SCIM request still succeeds and the other listeners are still called.
 * Delivery is at most once: an event is lost if the process stops right after the commit.
 *
 * <p>For delivery at least once, use a store that writes each change's events in the change's own
 * transaction ({@code io.scimkit.core.store.EventRecordingStore}, such as the JDBC store with its
 * outbox on) and register the listener with what delivers that store's events (for the JDBC store,
 * its {@code OutboxDispatcher}). Listeners registered on the service are still called synchronously
 * as described above, whatever the store.
 */
@FunctionalInterface
public interface ProvisioningListener {
    /** Reacts to one committed change. */
    void onEvent(ProvisioningEvent event);
}
