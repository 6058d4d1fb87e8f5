package io.scimkit.jaxrs;

import io.scimkit.core.ScimService;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.protocol.ServiceLimits;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SCIM service provider as one Jakarta REST resource (RFC 7644 §3): it serves GET, POST, PUT,
 * PATCH and DELETE on every path below its base path (HEAD and OPTIONS come from the runtime), turns
 * each request into a {@link ScimRequest} and writes the {@link ScimResponse} of {@link ScimService}
 * back. Paths outside the base path answer a bare 404.
 *
 * <p>Per request: the {@link ScimAuthenticator} decides on the principal (a refused caller is anonymous,
 * which the service allows only on discovery endpoints when {@code anonymousDiscovery} is on; anywhere
 * else the refusal becomes a 401 with {@code WWW-Authenticate: Bearer realm="SCIM"}, P-GEN-11); the
 * raw query string is handed over undecoded, so {@code +} means a space (Entra's
 * {@code filter=userName+eq+%22x%22}); the body is read for authenticated callers only, and at most one
 * byte past the larger of {@code maxPayloadSize} and {@code bulk.maxPayloadSize}, so an oversized body
 * gets 413 without being buffered; {@code Location} and {@code meta.location} use the URI the client
 * called (the runtime's application base URI plus the base path, K-40). Response bodies are
 * {@code application/scim+json}, or {@code application/json} when that is the only one of the two the
 * client's {@code Accept} allows (K-44).
 *
 * <p>Never throws: every failure becomes an RFC 7644 §3.12 error response, so no
 * {@code ExceptionMapper} is needed. Immutable and thread-safe; register one instance as a singleton.
 *
 * <pre>{@code
 * ScimEndpoint scim = ScimEndpoint.builder(service)
 *         .basePath("/scim/v2")
 *         .authenticator(BearerTokenAuthenticator.singleTenant(token))
 *         .build();
 * SeBootstrap.start(scim.application(), SeBootstrap.Configuration.builder().port(8080).build());
 * // or, in your own Application: getSingletons() returns Set.of(scim, yourOtherResources...)
 * }</pre>
 */
@Path("{scimPath: .*}")
public final class ScimEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(ScimEndpoint.class);
    private static final byte[] NO_BODY = new byte[0];

    private final ScimService service;
    private final BasePath basePath;
    private final ScimAuthenticator authenticator;
    private final int bodyLimit;

    private ScimEndpoint(ScimService service, BasePath basePath, ScimAuthenticator authenticator) {
        this.service = service;
        this.basePath = basePath;
        this.authenticator = authenticator;
        ServiceLimits limits = service.config().limits();
        this.bodyLimit = Math.max(limits.maxPayloadSize(), limits.bulkMaxPayloadSize());
    }

    /** A builder for an endpoint over this service. */
    public static Builder builder(ScimService service) {
        return new Builder(service);
    }

    /**
     * A Jakarta REST {@code Application} holding only this endpoint, for {@code SeBootstrap}, a servlet
     * container or a runtime's own launcher. SCIM is served at the application's root path plus the
     * base path.
     */
    public Application application() {
        return new ScimApplication(this);
    }

    /** The base path below the application root, e.g. {@code /scim/v2}. */
    public String basePath() {
        return basePath.toString();
    }

    /** Resource method for GET (RFC 7644 §3.4); called by the runtime. */
    @GET
    public Response get(@Context UriInfo uri, @Context jakarta.ws.rs.core.HttpHeaders headers) {
        return serve("GET", uri, headers, null);
    }

    /** Resource method for POST (RFC 7644 §3.3, §3.4.3, §3.7); called by the runtime. */
    @POST
    public Response post(@Context UriInfo uri, @Context jakarta.ws.rs.core.HttpHeaders headers, InputStream body) {
        return serve("POST", uri, headers, body);
    }

    /** Resource method for PUT (RFC 7644 §3.5.1); called by the runtime. */
    @PUT
    public Response put(@Context UriInfo uri, @Context jakarta.ws.rs.core.HttpHeaders headers, InputStream body) {
        return serve("PUT", uri, headers, body);
    }

    /** Resource method for PATCH (RFC 7644 §3.5.2); called by the runtime. */
    @PATCH
    public Response patch(@Context UriInfo uri, @Context jakarta.ws.rs.core.HttpHeaders headers, InputStream body) {
        return serve("PATCH", uri, headers, body);
    }

    /** Resource method for DELETE (RFC 7644 §3.6); called by the runtime. */
    @DELETE
    public Response delete(@Context UriInfo uri, @Context jakarta.ws.rs.core.HttpHeaders headers) {
        return serve("DELETE", uri, headers, null);
    }

    private Response serve(String method, UriInfo uri, jakarta.ws.rs.core.HttpHeaders jaxrsHeaders,
            @Nullable InputStream body) {
        String mediaType = ResponseMediaType.SCIM_JSON;
        try {
            Optional<String> scimPath = basePath.below(uri.getPath(true));
            if (scimPath.isEmpty()) {
                return Response.status(Response.Status.NOT_FOUND).build();
            }
            HttpHeaders headers = copy(jaxrsHeaders.getRequestHeaders());
            mediaType = ResponseMediaType.choose(headers.all("Accept"));
            AuthResult auth = authenticator.authenticate(headers);
            @Nullable ScimPrincipal principal = auth instanceof AuthResult.Authenticated known ? known.principal() : null;
            // Bodies of refused callers are never read: they can only reach discovery, which takes none.
            byte[] bytes = principal != null && body != null ? BoundedBody.read(body, bodyLimit) : NO_BODY;
            String rawQuery = uri.getRequestUri().getRawQuery();
            URI base = basePath.resolve(uri.getBaseUri());
            ScimResponse response = service.handle(new ScimRequest(method, scimPath.get(),
                    rawQuery == null ? "" : rawQuery, headers, bytes, principal, base));
            if (auth instanceof AuthResult.Refused refused && response.status() == 401) {
                response = ScimResponse.error(ScimException.unauthorized(refused.detail()));
            }
            return JaxrsResponses.of(response, mediaType);
        } catch (IOException unreadable) {
            return JaxrsResponses.of(ScimResponse.error(
                    ScimException.invalidSyntax("the request body could not be read")), mediaType);
        } catch (RuntimeException unexpected) {
            // The message names no header or body: they may carry tokens and personal data.
            LOG.error("unexpected failure serving a SCIM {} request", method, unexpected);
            return JaxrsResponses.internalError(mediaType);
        }
    }

    /** Copies the runtime's header map, dropping null names or values some runtimes may hand over. */
    private static HttpHeaders copy(Map<String, List<String>> fields) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fields.forEach((name, values) -> {
            if (name != null && values != null) {
                List<String> kept = copy.computeIfAbsent(name, key -> new ArrayList<>());
                values.stream().filter(Objects::nonNull).forEach(kept::add);
            }
        });
        return HttpHeaders.of(copy);
    }

    /** Collects the endpoint's configuration. Not thread-safe. */
    public static final class Builder {
        private final ScimService service;
        private BasePath basePath = BasePath.parse("/scim/v2");
        private @Nullable ScimAuthenticator authenticator;

        private Builder(ScimService service) {
            this.service = Objects.requireNonNull(service, "service");
        }

        /**
         * The path below the application root where SCIM is served (default {@code /scim/v2});
         * {@code "/"} serves SCIM at the application root. Segments of letters, digits and
         * {@code -._~} only.
         *
         * @throws IllegalArgumentException for any other path
         */
        public Builder basePath(String value) {
            this.basePath = BasePath.parse(Objects.requireNonNull(value, "basePath"));
            return this;
        }

        /** Who may call (required): e.g. {@link BearerTokenAuthenticator#singleTenant(String)}. */
        public Builder authenticator(ScimAuthenticator value) {
            this.authenticator = Objects.requireNonNull(value, "authenticator");
            return this;
        }

        /**
         * The endpoint.
         *
         * @throws IllegalStateException if no authenticator was given
         */
        public ScimEndpoint build() {
            if (authenticator == null) {
                throw new IllegalStateException("an authenticator is required (RFC 7644 §2)");
            }
            return new ScimEndpoint(service, basePath, authenticator);
        }
    }
}
