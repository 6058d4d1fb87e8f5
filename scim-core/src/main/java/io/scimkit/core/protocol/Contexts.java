package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.Projection;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.store.StoreContext;

/** Builds the {@link StoreContext} of a request: the principal's tenant, the type, the projection, the time. */
final class Contexts {
    private Contexts() {
    }

    /**
     * The store context for a request on a resource type.
     *
     * @throws ScimException 401 if the request has no principal
     */
    static StoreContext of(Exchange exchange, ResourceType type, Projection projection) {
        ScimPrincipal principal = exchange.principal();
        if (principal == null) {
            throw ScimException.unauthorized("authentication required");
        }
        return new StoreContext(principal.tenant(), principal.name(), type, projection,
                exchange.now());
    }

    /** The store context with the default projection. */
    static StoreContext of(Exchange exchange, ResourceType type) {
        return of(exchange, type, Projection.none(exchange.config().registry(), type));
    }
}
