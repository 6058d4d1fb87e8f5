package io.scimkit.jaxrs;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.protocol.HttpHeaders;
import io.scimkit.core.protocol.ScimPrincipal;
import io.scimkit.core.protocol.ScimRequest;
import io.scimkit.core.protocol.ScimResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The framework-free half of {@link ScimEndpoint}: from what the runtime knows about a request
 * (method, raw path relative to the application, raw query, application base URI, headers, body
 * stream) to the service's answer and the media type to send it with. Authenticates first, reads the
 * body only for authenticated callers and only up to the limit plus one byte, and never throws.
 */
final class RequestBridge {
    private static final byte[] NO_BODY = new byte[0];

    private final Function<ScimRequest, ScimResponse> service;
    private final Failures failures;
    private final BasePath basePath;
    private final ScimAuthenticator authenticator;
    private final int bodyLimit;
    private final boolean locationFromRequest;
    private final TenantPermits permits;
    private final TenantRateLimit rateLimit;
    /** The last {@link #scimBase} result; a benign race: any thread's result is right. */
    private volatile @Nullable ResolvedBase lastBase;

    /**
     * @param bodyLimit the largest body the service accepts on any endpoint
     * @param locationFromRequest whether {@code Location} and {@code meta.location} follow the URI of each
     *        request (else the service's configured base URI)
     */
    RequestBridge(Function<ScimRequest, ScimResponse> service, Failures failures, BasePath basePath,
            ScimAuthenticator authenticator, int bodyLimit, boolean locationFromRequest) {
        this(service, failures, basePath, authenticator, bodyLimit, locationFromRequest, TenantPermits.UNLIMITED);
    }

    /** @param permits how many requests of one tenant are served at once */
    RequestBridge(Function<ScimRequest, ScimResponse> service, Failures failures, BasePath basePath,
            ScimAuthenticator authenticator, int bodyLimit, boolean locationFromRequest, TenantPermits permits) {
        this(service, failures, basePath, authenticator, bodyLimit, locationFromRequest, permits,
                TenantRateLimit.UNLIMITED);
    }

    /** @param rateLimit how many requests per second one tenant may send */
    RequestBridge(Function<ScimRequest, ScimResponse> service, Failures failures, BasePath basePath,
            ScimAuthenticator authenticator, int bodyLimit, boolean locationFromRequest, TenantPermits permits,
            TenantRateLimit rateLimit) {
        this.permits = permits;
        this.rateLimit = rateLimit;
        this.service = service;
        this.failures = failures;
        this.basePath = basePath;
        this.authenticator = authenticator;
        this.bodyLimit = bodyLimit;
        this.locationFromRequest = locationFromRequest;
    }

    /**
     * How the bridge answers a failure of its own (the service's {@code failure}: a 500 with an error
     * id, logged with the cause).
     */
    @FunctionalInterface
    interface Failures {
        ScimResponse failed(String method, String path, RuntimeException cause);
    }

    /** The service's answer and the {@code Content-Type} for its body. */
    record Reply(ScimResponse response, String mediaType) {
    }

    /**
     * Serves one request; empty if its path is not below the base path (not a SCIM request).
     *
     * @param rawPath the request path relative to the application root as sent (percent-encoded);
     *     a path with an encoded {@code /} in its SCIM part is answered with 404 ({@link RawPath})
     * @param rawQuery the query string as sent (undecoded), or null if there is none
     * @param applicationBase the application's absolute base URI as the runtime saw the request
     * @param body the body stream, or null for methods without a body
     */
    Optional<Reply> serve(String method, String rawPath, @Nullable String rawQuery, URI applicationBase,
            Map<String, List<String>> headerFields, @Nullable InputStream body) {
        // The base path is unreserved characters only, so it compares with the raw path as is.
        Optional<String> rawScimPath = basePath.below(rawPath);
        if (rawScimPath.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> scimPath = rawScimPath.map(RawPath::decode);
        HttpHeaders headers = copy(headerFields);
        String mediaType = ResponseMediaType.choose(headers.all("Accept"));
        try {
            AuthResult auth = authenticator.authenticate(headers);
            @Nullable ScimPrincipal principal = auth instanceof AuthResult.Authenticated known ? known.principal() : null;
            if (principal != null && RawPath.hasEncodedSlash(rawScimPath.get())) {
                return Optional.of(new Reply(ScimResponse.error(ScimException.notFound(
                        "no SCIM endpoint at this path: resource ids never contain '/', encoded or not")), mediaType));
            }
            // The tenant's rate is checked before anything else is spent on the request.
            long wait = principal == null ? 0 : rateLimit.tryTake(principal.tenant());
            if (wait > 0) {
                return Optional.of(new Reply(TenantRateLimit.refusal(wait), mediaType));
            }
            // The tenant's permit is taken before the body is read: a slow body holds one of its tenant's only.
            Optional<TenantPermits.Permit> permit = principal == null ? Optional.of(TenantPermits.NOTHING_HELD)
                    : permits.tryAcquire(principal.tenant());
            if (permit.isEmpty()) {
                return Optional.of(new Reply(TenantPermits.refusal(), mediaType));
            }
            try (TenantPermits.Permit held = permit.get()) {
                // Bodies of refused callers are never read: they can only reach discovery, which takes none.
                byte[] bytes = principal != null && body != null ? BoundedBody.read(body, bodyLimit) : NO_BODY;
                @Nullable URI base = locationFromRequest ? scimBase(applicationBase) : null;
                ScimResponse response = service.apply(new ScimRequest(method, scimPath.get(),
                        rawQuery == null ? "" : rawQuery, headers, bytes, principal, base));
                if (auth instanceof AuthResult.Refused refused && response.status() == 401) {
                    // The service refused the anonymous call; say what was wrong with the credentials.
                    response = ScimResponse.error(ScimException.unauthorized(refused.detail()));
                }
                return Optional.of(new Reply(response, mediaType));
            }
        } catch (IOException unreadable) {
            return Optional.of(new Reply(ScimResponse.error(
                    ScimException.invalidSyntax("the request body could not be read")), mediaType));
        } catch (RuntimeException unexpected) {
            // Logged with an error id, the method and the path only: headers and bodies may carry tokens.
            return Optional.of(new Reply(failures.failed(method, scimPath.get(), unexpected), mediaType));
        }
    }

    /**
     * The SCIM base URI for a request's application base URI. Nearly every request of a deployment
     * has the same one, so the last result is kept instead of parsing the same URI per request.
     */
    private URI scimBase(URI applicationBase) {
        String text = applicationBase.toString();
        ResolvedBase last = lastBase;
        if (last != null && last.applicationBase().equals(text)) {
            return last.scimBase();
        }
        URI resolved = basePath.resolve(applicationBase);
        lastBase = new ResolvedBase(text, resolved);
        return resolved;
    }

    /** An application base URI (as text) and the SCIM base URI below it. */
    private record ResolvedBase(String applicationBase, URI scimBase) {
    }

    /**
     * Copies the runtime's header map, dropping null names or values some runtimes may hand over.
     * {@link HttpHeaders#of(Map)} merges names that differ only in case, in this map's order.
     */
    private static HttpHeaders copy(Map<String, List<String>> fields) {
        Map<String, List<String>> copy = new LinkedHashMap<>(fields.size() * 2);
        fields.forEach((name, values) -> {
            if (name != null && values != null) {
                List<String> kept = new ArrayList<>(values.size());
                for (String value : values) {
                    if (value != null) {
                        kept.add(value);
                    }
                }
                copy.merge(name, kept, (earlier, later) -> {
                    earlier.addAll(later);
                    return earlier;
                });
            }
        });
        return HttpHeaders.of(copy);
    }
}
