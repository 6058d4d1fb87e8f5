package io.scimkit.core.protocol;

import io.scimkit.core.dialect.ClientDialect;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.schema.ResourceType;
import java.util.function.BiFunction;

/**
 * {@code /Me} (RFC 7644 §3.11): an alias of the authenticated subject's own User resource. With a
 * {@link MeResolver}, {@code GET}, {@code PUT}, {@code PATCH} and {@code DELETE} on {@code /Me} are
 * served as the same request on {@code /Users/{id}}, so every response, {@code Location}
 * included, is that resource's (RFC 7644 §3.11). A subject the resolver does not know gets 404.
 * Without a resolver every method answers 501 (§3.11), and so does {@code POST /Me}:
 * self-registration (§3.11, §7.6) is not offered.
 */
final class MeEndpoint implements Endpoint {
    private final BiFunction<ScimRequest, ClientDialect, ScimResponse> dispatcher;

    /** @param dispatcher serves the request re-addressed to the User resource */
    MeEndpoint(BiFunction<ScimRequest, ClientDialect, ScimResponse> dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public boolean serves(Exchange exchange) {
        return !exchange.segments().isEmpty() && exchange.segments().get(0).equalsIgnoreCase("Me");
    }

    @Override
    public ScimResponse handle(Exchange exchange) {
        MeResolver resolver = exchange.config().me().orElse(null);
        ResourceType users = exchange.config().registry().resourceType("User").orElse(null);
        if (resolver == null || users == null) {
            throw ScimException.notImplemented("/Me is not supported by this service provider.");
        }
        if (exchange.segments().size() != 1) {
            throw ScimException.notFound("no SCIM endpoint at this path");
        }
        String method = exchange.method();
        if (method.equals("POST")) {
            throw ScimException.notImplemented("POST /Me (self-registration) is not supported by this service provider.");
        }
        if (!method.equals("GET") && !method.equals("PUT") && !method.equals("PATCH") && !method.equals("DELETE")) {
            return MethodNotAllowed.response(exchange, "GET", "PUT", "PATCH", "DELETE");
        }
        ScimPrincipal principal = exchange.principal();
        if (principal == null) {
            throw ScimException.unauthorized("authentication required");
        }
        String id = resolver.userId(principal)
                .orElseThrow(() -> ScimException.notFound("the authenticated subject has no User resource"));
        if (id.isEmpty() || id.contains("/") || id.contains("?")) {
            throw new IllegalStateException("the MeResolver returned an id that is no path segment");
        }
        ScimRequest request = exchange.request();
        return dispatcher.apply(new ScimRequest(method, users.endpoint() + "/" + id, request.rawQuery(),
                request.headers(), request.body(), principal, exchange.baseUri()), exchange.dialect());
    }
}
