package io.scimkit.core.protocol;

import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.store.StoreContext;
import java.util.Set;

/**
 * {@code GET /{endpoint}/{id}} (RFC 7644 §3.4.1): the resource in the caller's tenant, projected
 * by {@code attributes} / {@code excludedAttributes} (the store sees the projection and may skip
 * loading what it excludes, such as group {@code members}), with {@code ETag} (RFC 7644 §3.14)
 * and {@code Location}/{@code Content-Location}; 404 when absent (§3.12); 304 with an empty body
 * and the {@code ETag} when {@code If-None-Match} names the current version (§3.14).
 */
final class ReadHandler {
    private final ResourceRenderer renderer;

    ReadHandler(ResourceRenderer renderer) {
        this.renderer = renderer;
    }

    ScimResponse handle(ResourceCall call, String id) {
        StoreContext context = call.responseContext();
        ScimResource stored = call.load(context, id);
        if (Preconditions.noneMatchHits(call.request(), stored)) {
            return ResourceRenderer.withResourceHeaders(ScimResponse.empty(304), call.exchange(), call.type(), stored);
        }
        return renderer.single(200, call.exchange(), context, stored, Set.of());
    }
}
