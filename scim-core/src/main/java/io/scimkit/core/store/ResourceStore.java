package io.scimkit.core.store;

import io.scimkit.core.resource.ScimResource;
import java.util.Optional;

/**
 * Where the resources of one resource type live: the interface an application implements over its
 * own database (see {@link UserStore}, {@link GroupStore} and the package documentation for the
 * whole contract). Every call is confined to {@link StoreContext#tenant()}; implementations must be
 * thread-safe.
 *
 * <p>What the core does, so a store does not: parse and validate client JSON, apply PATCH, drop
 * client-sent {@code id} and {@code meta}, hand a group's members over separately, check
 * {@code If-Match} against what {@link #get} returns, remove a deleted resource from its groups,
 * fill {@code schemas} (when the store does not keep it), {@code meta.resourceType} and
 * {@code meta.location} on the way out, project attributes, and filter, sort and page whatever
 * {@link #capabilities()} leaves to it.
 *
 * <p>Errors are {@link io.scimkit.core.error.ScimException}s: 404 ({@code ScimException.notFound})
 * for an unknown id, 409 {@code uniqueness} for a taken unique value, 412
 * ({@link Versions#requireMatch}) when an expected version is stale. Any other exception becomes a
 * 500 whose body carries an error id, logged with the stack trace.
 */
public interface ResourceStore {

    /**
     * What this store evaluates itself; the core does the rest (see {@link StoreCapabilities}).
     * The default, {@link StoreCapabilities#none()}, asks only for pages of every resource.
     */
    default StoreCapabilities capabilities() {
        return StoreCapabilities.none();
    }

    /**
     * Stores a new resource: assigns a fresh {@code id} that is never reused (a UUID, or the
     * application's own key as text), stamps {@code meta.created} and {@code meta.lastModified}
     * with the request time and a first {@code meta.version}, and enforces uniqueness atomically
     * (RFC 7644 §3.3).
     *
     * <p>The id is the last segment of the resource's URI, {@code /Users/{id}} (RFC 7644 §3.1), and
     * is written into {@code Location} and {@code meta.location} as it is. So it must be one URI path
     * segment that needs no percent-encoding (RFC 3986 §3.3): letters, digits and
     * {@code -._~!$&'()*+,;=:@} only, and not {@code .}, {@code ..} (removed from URIs as dot
     * segments, RFC 3986 §5.2.4) or {@code .search} (RFC 7644 §3.4.3). In particular it never
     * contains {@code /}: an encoded slash cannot be routed, since servlet containers and Jakarta
     * REST runtimes refuse {@code %2F} or decode it into a path separator. An application whose keys
     * do not fit maps them (for instance to a UUID or a URL-safe Base64 form) in its store. The core
     * checks the id of every created resource and answers 500 for one that breaks this rule.
     *
     * @return the stored resource, with {@code id} and {@code meta}
     */
    ScimResource create(StoreContext context, ResourceCreate resource);

    /**
     * The resource with this id in the context's tenant, with {@code id}, {@code meta} and every
     * attribute it was stored with (a group with its {@code members}, unless the context's
     * projection excludes them: then the store may leave them out). Empty if there is none.
     */
    Optional<ScimResource> get(StoreContext context, String id);

    /**
     * One page of the resources matching the query, and the total count of matches. The query
     * only holds what {@link #capabilities()} accepts: with {@link StoreCapabilities#none()}, no
     * filter, no sort and an index page.
     */
    StorePage search(StoreContext context, StoreQuery query);

    /**
     * Applies one atomic update (see {@link ResourceUpdate}) and returns the stored result.
     *
     * @throws io.scimkit.core.error.ScimException 404, 412 or 409 as described above
     */
    ScimResource update(StoreContext context, ResourceUpdate update);

    /**
     * Removes the resource for good (RFC 7644 §3.6): afterwards {@link #get} finds nothing and its
     * unique values are free again. The core then removes it from every group.
     *
     * @throws io.scimkit.core.error.ScimException 404 for an unknown id, 412 for a stale expected version
     */
    void delete(StoreContext context, ResourceDelete delete);
}
