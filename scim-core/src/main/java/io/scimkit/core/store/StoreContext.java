package io.scimkit.core.store;

import io.scimkit.core.resource.Projection;
import io.scimkit.core.schema.ResourceType;
import java.time.Instant;
import java.util.Objects;

/**
 * Who is asking and for what, passed to every store call.
 *
 * @param tenant the tenant whose data the call may see: stores partition by it, and nothing
 *     crosses tenants; single-tenant deployments always get {@link #DEFAULT_TENANT}
 * @param principal the authenticated caller's name, for audit; never a secret
 * @param resourceType the resource type of the call
 * @param projection what the response will return (RFC 7644 §3.9): a hint a store may use to skip
 *     loading what it excludes, such as a group's {@code members}; a store may also ignore it
 * @param requestTime the time to stamp {@code meta.created} and {@code meta.lastModified} with
 */
public record StoreContext(String tenant, String principal, ResourceType resourceType, Projection projection,
        Instant requestTime) {
    /** The tenant of single-tenant deployments. */
    public static final String DEFAULT_TENANT = "default";

    public StoreContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(requestTime, "requestTime");
        if (tenant.isEmpty()) {
            throw new IllegalArgumentException("a tenant is a non-empty name");
        }
    }

    /** A copy for another resource type (e.g. to ask the group store about a user). */
    public StoreContext forType(ResourceType type, Projection typeProjection) {
        return new StoreContext(tenant, principal, type, typeProjection, requestTime);
    }

    /** A copy with another projection. */
    public StoreContext withProjection(Projection newProjection) {
        return new StoreContext(tenant, principal, resourceType, newProjection, requestTime);
    }

    /** Whether the response returns this attribute, e.g. {@code "members"}. */
    public boolean returns(String attribute) {
        return projection.includes(io.scimkit.core.path.AttributePath.of(attribute));
    }
}
