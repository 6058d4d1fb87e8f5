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
 */
@FunctionalInterface
public interface ProvisioningListener {
    /** Reacts to one committed change. */
    void onEvent(ProvisioningEvent event);
}
