package io.scimkit.core.store;

import io.scimkit.core.resource.ScimResource;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where resources of one or more resource types live (DESIGN.md §4). Implementations must be
 * thread-safe; every call is confined to {@link StoreContext#tenant()}.
 *
 * <p>Errors are {@link io.scimkit.core.error.ScimException}s: 404 for an unknown id, 409
 * {@code uniqueness} for a taken unique value, 412 when {@code expectedVersion} is stale. Stores
 * never see client JSON: the core hands them validated {@link ScimResource}s, and returns what they
 * give back (with {@code id} and {@code meta}) after projection.
 */
public interface ResourceStore {

    /** What this store evaluates itself. */
    StoreCapabilities capabilities();

    /**
     * Stores a new resource: assigns a fresh {@code id} (never reused, never containing
     * {@code bulkId}), stamps {@code meta.created} = {@code meta.lastModified} = the request time,
     * {@code meta.resourceType} and a new {@code meta.version}, and enforces uniqueness atomically.
     *
     * @return the stored resource
     */
    ScimResource create(StoreContext context, ScimResource resource);

    /**
     * The resource with this id in the context's tenant and resource type. Soft-deleted resources
     * are still found. May omit what the context's projection excludes (e.g. group members).
     */
    Optional<ScimResource> get(StoreContext context, String id);

    /** One page of the resources matching the query, and the total count of matches. */
    StorePage search(StoreContext context, StoreQuery query);

    /**
     * Applies one atomic update (see {@link ResourceUpdate}) and returns the stored result.
     *
     * @throws io.scimkit.core.error.ScimException 404, 412 or 409 as described above
     */
    ScimResource update(StoreContext context, ResourceUpdate update);

    /**
     * Removes the resource (hard delete). Deleting a user also removes it from every group's
     * members (digest K-64).
     *
     * @param expectedVersion the version an {@code If-Match} demands, or {@code null}
     */
    void delete(StoreContext context, String id, @Nullable String expectedVersion);
}
