package io.scimkit.core.store;

import io.scimkit.core.event.ProvisioningEvent;
import java.util.List;

/**
 * The provisioning events of one write, as the core computes them from what the store wrote: the
 * core hands this function to an {@link EventRecordingStore}, which calls it inside the write's
 * transaction, once the write succeeded and before the commit, and stores the events it returns in
 * that transaction (a transactional outbox). So the events exist exactly when the change does: a
 * write that fails or rolls back (412 on a stale version, RFC 7644 §3.14; 409 {@code uniqueness},
 * §3.12; any other failure) leaves none.
 *
 * <p>Pure and cheap: it reads only its argument and what the core captured before the write, so a
 * store may call it again when it runs the transaction again. The list is in the order the events
 * are to be delivered, and may be empty (a write that changed nothing a listener is told of).
 */
@FunctionalInterface
public interface PendingEvents {
    /** The events of the write, given what it stored. */
    List<ProvisioningEvent> of(WrittenChange written);
}
