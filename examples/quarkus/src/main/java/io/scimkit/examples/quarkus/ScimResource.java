package io.scimkit.examples.quarkus;

import io.scimkit.jaxrs.ScimEndpoint;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/**
 * The SCIM service provider (RFC 7644 §3) as a Quarkus REST resource: a catch-all that hands every
 * request to the {@link ScimEndpoint} bean, which serves the paths below its base path
 * ({@code /scim/v2}) and answers a bare 404 elsewhere. Resources with a literal path, such as
 * {@link HelloResource}, take precedence over it.
 *
 * <p>Quarkus REST finds resources in the application's own classes at build time and creates them
 * as CDI beans, so this class is the resource and the endpoint, built by its builder in
 * {@link ScimBeans}, is injected into it. Indexing scim-jaxrs instead ({@code quarkus.index-dependency})
 * to serve {@code ScimEndpoint} itself does not work: Quarkus would take the library's Jakarta REST
 * {@code Application} for the application's own and try to construct the endpoint as a bean of its own.
 */
@Path("{scimPath: .*}")
public class ScimResource {
    private final ScimEndpoint scim;

    ScimResource(ScimEndpoint scim) {
        this.scim = scim;
    }

    /** Retrieval, search and discovery (RFC 7644 §3.4). */
    @GET
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return scim.get(uri, headers);
    }

    /** Creation, search by POST and bulk (RFC 7644 §3.3, §3.4.3, §3.7). */
    @POST
    public Response post(@Context UriInfo uri, @Context HttpHeaders headers, InputStream body) {
        return scim.post(uri, headers, body);
    }

    /** Replacement (RFC 7644 §3.5.1). */
    @PUT
    public Response put(@Context UriInfo uri, @Context HttpHeaders headers, InputStream body) {
        return scim.put(uri, headers, body);
    }

    /** Modification (RFC 7644 §3.5.2). */
    @PATCH
    public Response patch(@Context UriInfo uri, @Context HttpHeaders headers, InputStream body) {
        return scim.patch(uri, headers, body);
    }

    /** Deletion (RFC 7644 §3.6). */
    @DELETE
    public Response delete(@Context UriInfo uri, @Context HttpHeaders headers) {
        return scim.delete(uri, headers);
    }
}
