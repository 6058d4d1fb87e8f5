package io.scimkit.core.store;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.schema.ResourceType;
import java.time.Instant;
import java.util.Objects;

/**
 * Who is asking and for what, passed to every store call: the tenant whose data the call may see
 * (stores partition by it; single-tenant deployments use {@link #DEFAULT_TENANT}), the
 * authenticated principal's name (for audit; never a secret), the resource type, the client
 * dialect of the request, the projection the response will apply (a store may skip loading what
 * it excludes, e.g. group {@code members}), and the request time to stamp {@code meta.created} /
 * {@code meta.lastModified} with.
 */
public record StoreContext(String tenant, String principal, ResourceType resourceType, ClientDialect dialect,
        Projection projection, Instant requestTime) {
    /** The tenant of single-tenant deployments. */
    public static final String DEFAULT_TENANT = "default";

    public StoreContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(requestTime, "requestTime");
        if (tenant.isEmpty()) {
            throw new IllegalArgumentException("a tenant is a non-empty name");
        }
    }

    /** A copy for another resource type (e.g. to ask the group store about a user). */
    public StoreContext forType(ResourceType type, Projection typeProjection) {
        return new StoreContext(tenant, principal, type, dialect, typeProjection, requestTime);
    }

    /** A copy with another projection. */
    public StoreContext withProjection(Projection newProjection) {
        return new StoreContext(tenant, principal, resourceType, dialect, newProjection, requestTime);
    }
}
