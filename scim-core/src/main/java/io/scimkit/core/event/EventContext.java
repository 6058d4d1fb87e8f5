package io.scimkit.core.event;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What every provisioning event says about the change it reports: where, who, when and which
 * resource.
 *
 * @param tenant the tenant whose data changed (the {@code StoreContext} tenant)
 * @param principal the authenticated caller's name; never a secret
 * @param requestId the id the client gave the request in its {@code X-Request-Id} header, if any
 * @param time the time the service's clock gave the request; the same instant the store stamped
 *     {@code meta.lastModified} with (RFC 7643 §3.1)
 * @param resourceType the resource type's name, e.g. {@code User} (RFC 7643 §6)
 * @param resourceId the {@code id} of the resource that changed (RFC 7643 §3.1)
 * @param version the resource's {@code meta.version} after the change (RFC 7644 §3.14), or
 *     {@code null} when the resource no longer exists or the store keeps no versions
 */
public record EventContext(String tenant, String principal, @Nullable String requestId, Instant time,
        String resourceType, String resourceId, @Nullable String version) {
    public EventContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceId, "resourceId");
    }

    /** The same context for another resource, e.g. a group a deleted user left. */
    public EventContext forResource(String type, String id, @Nullable String newVersion) {
        return new EventContext(tenant, principal, requestId, time, type, id, newVersion);
    }
}
