package io.scimkit.core.protocol;

import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.GroupStore;
import io.scimkit.core.store.StoreContext;
import java.util.Set;

/**
 * {@code GET /{endpoint}/{id}} (RFC 7644 §3.4.1): the resource in the caller's tenant, projected
 * by {@code attributes} / {@code excludedAttributes} (the store sees the projection and may skip
 * loading what it excludes, such as group {@code members}), with {@code ETag} (RFC 7644 §3.14)
 * and {@code Location}/{@code Content-Location}; a group's {@code members} are streamed from the
 * store to the connection ({@link MemberStream}), so a group of any size is read in bounded memory; 404 when absent (§3.12); 304 with an empty body
 * and the {@code ETag} when {@code If-None-Match} names the current version (§3.14).
 */
final class ReadHandler {
    private static final AttributePath MEMBERS = AttributePath.of("members");

    private final ResourceRenderer renderer;
    private final LoadProjections loads;

    ReadHandler(ResourceRenderer renderer, LoadProjections loads) {
        this.renderer = renderer;
        this.loads = loads;
    }

    ScimResponse handle(ResourceCall call, String id) {
        StoreContext context = call.responseContext();
        GroupStore groups = call.isGroup() && call.store() instanceof GroupStore store
                && context.projection().includes(MEMBERS) ? store : null;
        // A group is loaded without its members; they are written from the store as they are read.
        ScimResource stored = call.load(groups == null ? context : call.context(loads.withoutMembers(call.type())), id);
        if (Preconditions.noneMatchHits(call.request(), stored)) {
            return ResourceRenderer.withResourceHeaders(ScimResponse.empty(304), call.exchange(), call.type(), stored);
        }
        return groups == null ? renderer.single(200, call.exchange(), context, stored, Set.of())
                : renderer.streamedGroup(200, call.exchange(), context, groups, stored, Set.of());
    }
}
