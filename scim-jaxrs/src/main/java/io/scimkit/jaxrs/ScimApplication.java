package io.scimkit.jaxrs;

import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * A Jakarta REST application whose only resource is one {@link ScimEndpoint} instance, with its
 * {@link ScimEndpoint#errorBodies() error body filter}; see
 * {@link ScimEndpoint#application()}.
 */
final class ScimApplication extends Application {
    private final ScimEndpoint endpoint;

    ScimApplication(ScimEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Set<Object> getSingletons() {
        return Set.of(endpoint, endpoint.errorBodies());
    }
}
