package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a {@link ScimRequest} to the endpoint that serves its path and turns every failure into
 * an RFC 7644 §3.12 error response: a {@code ScimException} with its status and {@code scimType},
 * anything else as a 500 whose detail reveals nothing internal (the cause is logged). Checks what
 * applies to every request first: a principal is present unless the endpoint is open to anonymous
 * callers (401 with {@code WWW-Authenticate}, P-GEN-11), and the body is within
 * {@code maxPayloadSize} (413). Immutable and thread-safe.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final ServiceConfig config;
    private final List<Endpoint> endpoints;

    /** A dispatcher over the endpoints this configuration serves. */
    public Dispatcher(ServiceConfig config) {
        this.config = config;
        // Bulk and /Me serve their operations by dispatching internal requests through this dispatcher.
        // QueryEndpoints first: it claims every method on ".search" paths, which must never be read as an id.
        this.endpoints = List.of(new QueryEndpoints(config), new ResourceEndpoints(config), new DiscoveryEndpoint(),
                new BulkEndpoint(this::dispatch), new MeEndpoint(this::dispatch));
    }

    /** Serves one request; never throws. */
    public ScimResponse dispatch(ScimRequest request) {
        try {
            Exchange exchange = new Exchange(request, segments(request.path()), baseUri(request),
                    config.clock().instant(), config);
            Endpoint endpoint = route(exchange);
            if (request.principal() == null && !(endpoint.anonymous() && config.anonymousDiscovery())) {
                throw ScimException.unauthorized("authentication required");
            }
            endpoint.checkPayloadSize(request, config.limits());
            return endpoint.handle(exchange);
        } catch (ScimException failure) {
            return ScimResponse.error(failure);
        } catch (RuntimeException | StackOverflowError unexpected) {
            LOG.error("unexpected failure serving {} {}", request.method(), request.path(), unexpected);
            return ScimResponse.error(ScimException.internal("the service provider failed to process the request"));
        }
    }

    private Endpoint route(Exchange exchange) {
        for (Endpoint endpoint : endpoints) {
            if (endpoint.serves(exchange)) {
                return endpoint;
            }
        }
        if (exchange.request().principal() == null) {
            // Do not tell anonymous callers which paths exist.
            throw ScimException.unauthorized("authentication required");
        }
        throw ScimException.notFound("no SCIM endpoint at " + safe(exchange.request().path()));
    }

    private URI baseUri(ScimRequest request) {
        URI base = request.baseUri() != null ? request.baseUri() : config.baseUri();
        String text = base.toString();
        if (!text.endsWith("/")) {
            return base; // the usual case: no need to parse the same URI again on every request
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    /** Splits the path into non-empty segments: {@code /Users/1/} gives [Users, 1] (K-56). */
    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    /** The path for an error detail: printable ASCII only, bounded in length. */
    private static String safe(String path) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < path.length() && text.length() < 200; i++) {
            char c = path.charAt(i);
            text.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return text.toString();
    }
}
