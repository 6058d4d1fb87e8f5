package io.scimkit.jaxrs;

import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import io.scimkit.core.protocol.ServiceLimits;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The SCIM service provider as one Jakarta REST resource (RFC 7644 §3): it serves GET, POST, PUT,
 * PATCH and DELETE on every path below its base path (HEAD and OPTIONS come from the runtime), turns
 * each request into a {@link ScimRequest} and writes the
 * {@link io.scimkit.core.protocol.ScimResponse} of {@link ScimService} back. Paths outside the base
 * path answer a bare 404.
 *
 * <p>Per request: the {@link ScimAuthenticator} decides on the principal (a refused caller is anonymous,
 * which the service allows only on discovery endpoints when {@code anonymousDiscovery} is on; anywhere
 * else the refusal becomes a 401 with {@code WWW-Authenticate: Bearer realm="SCIM"}, RFC 7644 §2); the
 * raw query string is handed over undecoded, so {@code +} means a space (Entra's
 * {@code filter=userName+eq+%22x%22}); the body is read for authenticated callers only, and at most one
 * byte past the larger of {@code maxPayloadSize} and {@code bulk.maxPayloadSize}, so an oversized body
 * gets 413 without being buffered; a path with an encoded {@code /} ({@code %2F}) below the base path
 * is 404, since resource ids never contain {@code /}; {@code Location} and {@code meta.location} use the URI the client
 * called (the runtime's application base URI plus the base path). Response bodies are
 * {@code application/scim+json}, or {@code application/json} when that is the only one of the two the
 * client's {@code Accept} allows; never a 406.
 *
 * <p>Never throws: every failure becomes an RFC 7644 §3.12 error response, so no
 * {@code ExceptionMapper} is needed; register {@link #errorBodies()} as well for the runtime's own
 * errors. Immutable and thread-safe; register one instance as a singleton.
 *
 * <pre>{@code
 * ScimEndpoint scim = ScimEndpoint.builder(service)
 *         .basePath("/scim/v2")
 *         .authenticator(BearerTokenAuthenticator.singleTenant(token))
 *         .build();
 * SeBootstrap.start(scim.application(), SeBootstrap.Configuration.builder().port(8080).build());
 * // or, in your own Application: getSingletons() returns Set.of(scim, yourOtherResources...)
 * }</pre>
 *
 * <p>Containers that are not Jakarta REST runtimes (a Jetty {@code Handler}, a servlet, Vert.x) pass
 * each request to {@link #serve(String, String, String, URI, Map, InputStream)} instead and write the
 * {@link Reply} themselves.
 */
@Path("{scimPath: .*}")
public final class ScimEndpoint {

    private final BasePath basePath;
    private final ScimService service;
    private final RequestBridge bridge;
    private final ErrorBodies errorBodies;

    private ScimEndpoint(ScimService service, BasePath basePath, ScimAuthenticator authenticator,
            boolean locationFromRequest, int perTenant, TenantRateLimit rateLimit) {
        this.basePath = basePath;
        ServiceLimits limits = service.limits();
        // Read one byte past the larger limit: /Bulk has its own (RFC 7644 §3.7.4); the service checks each.
        int bodyLimit = Math.max(limits.maxPayloadSize(), limits.bulkMaxPayloadSize());
        this.service = service;
        this.bridge = new RequestBridge(service::handle, service::failure, basePath, authenticator, bodyLimit,
                locationFromRequest, new TenantPermits(perTenant), rateLimit);
        this.errorBodies = new ErrorBodies(basePath);
    }

    /** A builder for an endpoint over this service. */
    public static Builder builder(ScimService service) {
        return new Builder(service);
    }

    /**
     * A Jakarta REST {@code Application} holding only this endpoint, for {@code SeBootstrap}, a servlet
     * container or a runtime's own launcher. SCIM is served at the application's root path plus the
     * base path. (Jersey logs a harmless warning that the endpoint "does not implement any provider
     * interfaces" for every resource instance returned by {@code getSingletons()}; it serves it all the
     * same.)
     */
    public Application application() {
        return new ScimApplication(this);
    }

    /**
     * A response filter to register with the endpoint (as {@link #application()} does): the runtime's own
     * bodiless error responses below the base path, such as its 400 to an {@code Accept} header it cannot
     * parse, get an RFC 7644 §3.12 error body ({@code application/scim+json}). Responses outside the base
     * path and the endpoint's own are left as they are. Only errors that pass the runtime's response
     * filters can be reached: Jersey's do; RESTEasy answers an unparseable {@code Accept} itself.
     */
    public ContainerResponseFilter errorBodies() {
        return errorBodies;
    }

    /** The base path below the application root, e.g. {@code /scim/v2}. */
    public String basePath() {
        return basePath.toString();
    }

    /**
     * Serves one SCIM request (RFC 7644 §3) given as plain values, for containers that are not Jakarta
     * REST runtimes: a Jetty {@code Handler}, a servlet, a Vert.x route. Does all that the resource
     * methods do: authentication (a refused caller's 401 says what was wrong with its credentials,
     * RFC 7644 §2), the tenant's rate limit and concurrent requests, the bounded body (413 past the
     * limit, RFC 7644 §3.12), 404 for an encoded {@code /} below the base path, the response media
     * type from {@code Accept} (RFC 7644 §8.1), and {@code Location} and {@code meta.location} from
     * {@code applicationBase} or the configured base URI ({@link Builder#locationFromRequest(boolean)}).
     * Never throws: a failure is a 500 with an RFC 7644 §3.12 error body.
     *
     * <p>The container writes the reply as it is: {@link ScimResponse#status()}, every header of
     * {@link ScimResponse#headers()} except {@code Content-Type}, and, if
     * {@link ScimResponse#hasBody()}, {@link Reply#contentType()} and the body ({@link ScimResponse#body()},
     * or for a {@linkplain ScimResponse#isStreamed() streamed} one {@link ScimResponse#writeBody} as the
     * store reads it; if that fails midway, abort the connection so that the client sees a truncated
     * body rather than a complete-looking one). HEAD and OPTIONS are the container's to answer.
     *
     * @param method the request method as sent: {@code GET}, {@code POST}, {@code PUT}, {@code PATCH}
     *     or {@code DELETE}
     * @param rawPath the request path relative to the application root, still percent-encoded (e.g.
     *     {@code /scim/v2/Users/2819c223}, or {@code scim/v2/Users/2819c223})
     * @param rawQuery the query string as sent, undecoded ({@code +} is a space), or null if there is none
     * @param applicationBase the application's absolute base URI as the request reached it, e.g.
     *     {@code https://idp.example.com:8443/} (the base path is appended)
     * @param headers the request's header fields; names in any case
     * @param body the request body, or null for a request without one; read only for an
     *     authenticated caller, and at most one byte past the payload limit; not closed
     * @return the reply, or empty if the path is not below the base path (not a SCIM request: the
     *     container answers it, e.g. with a 404)
     */
    public Optional<Reply> serve(String method, String rawPath, @Nullable String rawQuery, URI applicationBase,
            Map<String, List<String>> headers, @Nullable InputStream body) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(applicationBase, "applicationBase");
        Objects.requireNonNull(headers, "headers");
        return bridge.serve(method, rawPath, rawQuery, applicationBase, headers, body)
                .map(reply -> new Reply(reply.response(),
                        ResponseMediaType.contentType(reply.response(), reply.mediaType())));
    }

    /**
     * The answer to a request passed to {@link #serve(String, String, String, URI, Map, InputStream)}.
     *
     * @param response the status, headers and body to send (RFC 7644 §3)
     * @param contentType the {@code Content-Type} to send with the body in place of the response's own:
     *     {@code application/scim+json}, or {@code application/json} when the client accepts only that
     *     (RFC 7644 §8.1)
     */
    public record Reply(ScimResponse response, String contentType) {
        public Reply {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(contentType, "contentType");
        }
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

    private Response serve(String method, UriInfo uri, jakarta.ws.rs.core.HttpHeaders headers,
            @Nullable InputStream body) {
        try {
            return bridge.serve(method, rawPath(uri), uri.getRequestUri().getRawQuery(), uri.getBaseUri(),
                            headers.getRequestHeaders(), body)
                    .map(reply -> JaxrsResponses.of(reply.response(), reply.mediaType()))
                    .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build());
        } catch (RuntimeException unexpected) {
            // Only the runtime's own objects can fail here; the bridge never throws.
            return JaxrsResponses.of(service.failure(method, uri.getPath(), unexpected), ResponseMediaType.SCIM_JSON);
        }
    }

    /**
     * The request's path relative to the application, still percent-encoded (so that an encoded
     * {@code /} can be told from a real one). Taken from the request and base URIs rather than
     * {@code UriInfo.getPath(false)}, which some runtimes (RESTEasy Reactive) do not support.
     */
    private static String rawPath(UriInfo uri) {
        String request = uri.getRequestUri().getRawPath();
        String base = uri.getBaseUri().getRawPath();
        if (request == null) {
            return "";
        }
        return base != null && request.startsWith(base) ? request.substring(base.length()) : request;
    }

    /** Collects the endpoint's configuration. Not thread-safe. */
    public static final class Builder {
        private final ScimService service;
        private BasePath basePath = BasePath.parse("/scim/v2");
        private @Nullable ScimAuthenticator authenticator;
        private boolean locationFromRequest = true;
        private int perTenant;
        private double ratePerSecond;
        private int rateBurst;

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
         * Where {@code Location} and {@code meta.location} point (RFC 7644 §3.1; RFC 7643 §3.1). By default
         * ({@code true}) to the URI each request was sent to, as the runtime saw it: right for direct
         * access and for proxies the runtime sees through. {@code false} uses the base URI the
         * {@code ScimService} was built with, e.g. the public HTTPS address behind a TLS-terminating
         * reverse proxy that does not forward the original host and scheme.
         */
        public Builder locationFromRequest(boolean value) {
            this.locationFromRequest = value;
            return this;
        }

        /**
         * The most requests of one tenant (the authenticated principal's) served at once; 0, the default,
         * for no limit. A request over its tenant's share gets 429 with {@code Retry-After} and an
         * RFC 7644 §3.12 error body at once, before its body is read: one tenant's slow or numerous
         * requests then hold at most this many of the server's request threads. Anonymous requests
         * (discovery, or refused) are not counted.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder maxConcurrentRequestsPerTenant(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxConcurrentRequestsPerTenant is 0 (no limit) or more");
            }
            this.perTenant = value;
            return this;
        }

        /**
         * The most requests per second one tenant (the authenticated principal's) may send, as a token
         * bucket: a tenant idle for a while may send {@code burst} requests at once, then
         * {@code perSecond} on average. A request over it gets 429 with {@code Retry-After} (whole
         * seconds until the tenant may send again, rounded up) and an RFC 7644 §3.12 error body at once,
         * before its body is read. Each tenant has its own bucket, so one tenant's burst does not slow
         * the others. Anonymous requests (discovery, or refused) are not counted. {@code perSecond} 0,
         * the default, for no limit.
         *
         * @throws IllegalArgumentException if {@code perSecond} is negative or not finite, or positive
         *         with a {@code burst} below 1
         */
        public Builder rateLimitPerTenant(double perSecond, int burst) {
            TenantRateLimit.check(perSecond, burst);
            this.ratePerSecond = perSecond;
            this.rateBurst = burst;
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
            return new ScimEndpoint(service, basePath, authenticator, locationFromRequest, perTenant,
                    ratePerSecond == 0 ? TenantRateLimit.UNLIMITED
                            : new TenantRateLimit(ratePerSecond, rateBurst, System::nanoTime));
        }
    }
}
