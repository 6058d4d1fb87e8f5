package io.scimkit.jaxrs;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.protocol.ScimResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Gives the runtime's own bodiless error responses below the base path an RFC 7644 §3.12 error body:
 * the runtime answers some requests before the endpoint sees them, e.g. 400 to an {@code Accept}
 * header it cannot parse. The endpoint's own errors already have a body and pass unchanged, and so
 * does everything outside the base path (the application's other resources, and the bare 404 there).
 */
final class ErrorBodies implements ContainerResponseFilter {
    private static final MediaType SCIM_JSON = new MediaType("application", "scim+json");

    private final BasePath basePath;

    ErrorBodies(BasePath basePath) {
        this.basePath = basePath;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || status > 599 || response.hasEntity()
                || basePath.below(request.getUriInfo().getPath(true)).isEmpty()) {
            return;
        }
        response.setEntity(ScimResponse.error(new ScimException(status, null, detail(status))).body(), null,
                SCIM_JSON);
    }

    /** A detail that says what the status means, since the runtime gave no reason. */
    static String detail(int status) {
        if (status == 400) {
            return "the request could not be read (a malformed header?)";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP status " + status;
    }
}
