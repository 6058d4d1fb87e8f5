package io.scimkit.core.protocol;

import io.scimkit.core.event.EventContext;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.event.ProvisioningListener;
import io.scimkit.core.resource.Meta;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.StoreContext;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Hands committed changes to the service's {@link ProvisioningListener}s: synchronously, in order,
 * each event to every listener in registration order. A listener that throws is logged through the
 * {@link FailureLog} with an error id and skipped; the request it follows still succeeds, since its
 * change is already committed. Immutable and thread-safe.
 */
final class Events {
    /** The header a client may name its request with; copied into the events it causes. */
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final int MAX_REQUEST_ID = 200;

    private final List<ProvisioningListener> listeners;
    private final FailureLog failures;

    Events(List<ProvisioningListener> listeners, FailureLog failures) {
        this.listeners = List.copyOf(listeners);
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    /** Whether any listener is registered; without one the core skips the work of finding changes. */
    boolean active() {
        return !listeners.isEmpty();
    }

    /** Delivers the events a request caused, in order; never throws. */
    void publish(ScimRequest request, List<? extends ProvisioningEvent> events) {
        for (ProvisioningEvent event : events) {
            for (ProvisioningListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException | LinkageError failure) {
                    failures.recordListener(event.type(), request, failure);
                }
            }
        }
    }

    /** The context of an event about this resource after a write with this store context. */
    static EventContext context(ScimRequest request, StoreContext context, String id,
            @Nullable ScimResource after) {
        String version = after == null ? null : after.meta().flatMap(Meta::versionTag).orElse(null);
        return new EventContext(context.tenant(), context.principal(), requestId(request), context.requestTime(),
                context.resourceType().name(), id, version);
    }

    /** The client's request id: printable, bounded, or {@code null} when it sent none. */
    static @Nullable String requestId(ScimRequest request) {
        return request.headers().first(REQUEST_ID_HEADER).filter(id -> !id.isBlank())
                .map(id -> FailureLog.printable(id, MAX_REQUEST_ID)).orElse(null);
    }
}
