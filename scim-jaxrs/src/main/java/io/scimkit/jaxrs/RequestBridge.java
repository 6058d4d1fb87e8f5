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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The framework-free half of {@link ScimEndpoint}: from what the runtime knows about a request
 * (method, decoded path relative to the application, raw query, application base URI, headers, body
 * stream) to the service's answer and the media type to send it with. Authenticates first, reads the
 * body only for authenticated callers and only up to the limit plus one byte, and never throws.
 */
final class RequestBridge {
    private static final Logger LOG = LoggerFactory.getLogger(RequestBridge.class);
    private static final byte[] NO_BODY = new byte[0];

    private final Function<ScimRequest, ScimResponse> service;
    private final BasePath basePath;
    private final ScimAuthenticator authenticator;
    private final int bodyLimit;
    private final boolean locationFromRequest;

    /**
     * @param bodyLimit the largest body the service accepts on any endpoint
     * @param locationFromRequest whether {@code Location} and {@code meta.location} follow the URI of each
     *        request (else the service's configured base URI)
     */
    RequestBridge(Function<ScimRequest, ScimResponse> service, BasePath basePath, ScimAuthenticator authenticator,
            int bodyLimit, boolean locationFromRequest) {
        this.service = service;
        this.basePath = basePath;
        this.authenticator = authenticator;
        this.bodyLimit = bodyLimit;
        this.locationFromRequest = locationFromRequest;
    }

    /** The service's answer and the {@code Content-Type} for its body. */
    record Reply(ScimResponse response, String mediaType) {
    }

    /**
     * Serves one request; empty if its path is not below the base path (not a SCIM request).
     *
     * @param decodedPath the request path relative to the application root, percent-decoded
     * @param rawQuery the query string as sent (undecoded), or null if there is none
     * @param applicationBase the application's absolute base URI as the runtime saw the request
     * @param body the body stream, or null for methods without a body
     */
    Optional<Reply> serve(String method, String decodedPath, @Nullable String rawQuery, URI applicationBase,
            Map<String, List<String>> headerFields, @Nullable InputStream body) {
        Optional<String> scimPath = basePath.below(decodedPath);
        if (scimPath.isEmpty()) {
            return Optional.empty();
        }
        HttpHeaders headers = copy(headerFields);
        String mediaType = ResponseMediaType.choose(headers.all("Accept"));
        try {
            AuthResult auth = authenticator.authenticate(headers);
            @Nullable ScimPrincipal principal = auth instanceof AuthResult.Authenticated known ? known.principal() : null;
            // Bodies of refused callers are never read: they can only reach discovery, which takes none.
            byte[] bytes = principal != null && body != null ? BoundedBody.read(body, bodyLimit) : NO_BODY;
            @Nullable URI base = locationFromRequest ? basePath.resolve(applicationBase) : null;
            ScimResponse response = service.apply(new ScimRequest(method, scimPath.get(),
                    rawQuery == null ? "" : rawQuery, headers, bytes, principal, base));
            if (auth instanceof AuthResult.Refused refused && response.status() == 401) {
                // The service refused the anonymous call; say what was wrong with the credentials.
                response = ScimResponse.error(ScimException.unauthorized(refused.detail()));
            }
            return Optional.of(new Reply(response, mediaType));
        } catch (IOException unreadable) {
            return Optional.of(new Reply(ScimResponse.error(
                    ScimException.invalidSyntax("the request body could not be read")), mediaType));
        } catch (RuntimeException unexpected) {
            // The message names no header or body: they may carry tokens and personal data.
            LOG.error("unexpected failure serving a SCIM {} request", method, unexpected);
            return Optional.of(new Reply(ScimResponse.error(
                    ScimException.internal("the service provider failed to process the request")), mediaType));
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
}
