package io.scimkit.core.protocol;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.event.ProvisioningListener;
import io.scimkit.core.resource.ValidationSettings;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.ResourceStore;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Routes a {@link ScimRequest} to the endpoint that serves its path and turns every failure into
 * an RFC 7644 §3.12 error response: a {@code ScimException} with its status and {@code scimType},
 * anything else as a 500 whose detail reveals nothing internal but an error id, the key to the log
 * line with the cause (see {@link FailureLog}). Checks what applies to every request first: a
 * principal is present unless the endpoint is open to anonymous callers (401 with
 * {@code WWW-Authenticate}, RFC 7235 §4.1), and the body is within {@code maxPayloadSize} (413).
 * Immutable and thread-safe.
 *
 * <p>Not API: embedders use {@link io.scimkit.core.ScimService}, which is built on this class.
 * It is public only because {@code ScimService} lives in the package above and Java has no other
 * way to reach across packages; {@code ArchitectureTest} lets nothing else use it.
 */
public final class Dispatcher {
    private final ServiceConfig config;
    private final List<Endpoint> endpoints;
    private final FailureLog failures;
    private final Events events;

    /**
     * The dispatcher of a {@code ScimService} built with these settings, reporting unexpected
     * failures to the standard log. Not API: call {@code ScimService.builder()} instead.
     *
     * @throws IllegalArgumentException if the base URI is not absolute or has a query or fragment,
     *     a store is given for an unknown resource type, or a resource type has no store
     */
    public static Dispatcher of(URI baseUri, SchemaRegistry registry, Map<String, ResourceStore> stores,
            ClientDialect dialect, ValidationSettings validation, DeletePolicy deletePolicy,
            Map<String, PatchResponse> patchResponses, ServiceLimits limits, @Nullable MeResolver meResolver,
            boolean anonymousDiscovery, Clock clock, List<ProvisioningListener> listeners) {
        return new Dispatcher(new ServiceConfig(baseUri, registry, stores, dialect, validation, deletePolicy,
                patchResponses, limits, meResolver, anonymousDiscovery, clock, listeners), FailureLog.standard());
    }

    /** A dispatcher that reports unexpected failures to this log. */
    Dispatcher(ServiceConfig config, FailureLog failures) {
        this.config = config;
        this.failures = failures;
        this.events = new Events(config.listeners(), failures);
        // Bulk and /Me serve their operations by dispatching internal requests through this dispatcher.
        // QueryEndpoints first: it claims every method on ".search" paths, which must never be read as an id.
        this.endpoints = List.of(new QueryEndpoints(config), new ResourceEndpoints(config), new DiscoveryEndpoint(),
                new BulkEndpoint(this::dispatch), new MeEndpoint(this::dispatch));
    }

    /** Serves one request; never throws. */
    public ScimResponse dispatch(ScimRequest request) {
        return dispatch(request, config.dialect());
    }

    /**
     * Serves one request, normalising it with this view of the configured dialect (one that reports
     * the rules that fired, {@link ClientDialect#reportingTo}); never throws.
     */
    public ScimResponse dispatch(ScimRequest request, ClientDialect dialect) {
        try {
            Exchange exchange = new Exchange(request, segments(request.path()), baseUri(request),
                    config.clock().instant(), config, events, dialect);
            Endpoint endpoint = route(exchange);
            if (request.principal() == null && !(endpoint.anonymous() && config.anonymousDiscovery())) {
                throw ScimException.unauthorized("authentication required");
            }
            endpoint.checkPayloadSize(request, config.limits());
            ScimResponse response = endpoint.handle(exchange);
            return response.isStreamed() ? logged(request, response) : response;
        } catch (ScimException failure) {
            return ScimResponse.error(failure);
        } catch (RuntimeException | StackOverflowError unexpected) {
            String errorId = failures.record(request, unexpected);
            return ScimResponse.error(ScimException.internal(FailureLog.detail(errorId)));
        }
    }

    /**
     * The answer to a request that failed outside {@link #dispatch} (in an adapter): a 500 whose
     * detail carries a new error id, logged with the cause as the dispatcher's own failures are.
     */
    public ScimResponse failed(String method, String path, RuntimeException cause) {
        return ScimResponse.error(ScimException.internal(FailureLog.detail(failures.record(method, path, cause))));
    }

    /**
     * A streamed response whose failures while writing are logged with an error id like any 500; the
     * status is sent by then, so the adapter can only abort the connection (the IOException says so).
     */
    private ScimResponse logged(ScimRequest request, ScimResponse response) {
        return response.withWriter(out -> {
            try {
                response.writeBody(out);
            } catch (RuntimeException | StackOverflowError unexpected) {
                String errorId = failures.record(request, unexpected);
                throw new IOException("the response body could not be completed; " + FailureLog.detail(errorId));
            }
        });
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

    /** Splits the path into non-empty segments: {@code /Users/1/} gives [Users, 1]. */
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
        return FailureLog.printable(path, 200);
    }
}
