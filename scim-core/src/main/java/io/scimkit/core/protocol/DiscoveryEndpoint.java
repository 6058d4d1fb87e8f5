package io.scimkit.core.protocol;

import io.scimkit.core.codec.internal.DiscoveryWriter;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaRegistry;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The discovery endpoints of RFC 7644 §4: {@code GET /ServiceProviderConfig} (one resource, not a
 * list), {@code GET /ResourceTypes} and {@code /ResourceTypes/{id}}, {@code GET /Schemas} and
 * {@code /Schemas/{urn}} (unknown ones are 404).
 *
 * <p>The responses are built from the running configuration and registry, so every schema a
 * resource may carry is listed (RFC 7643 §7) and nothing else is: message URNs never appear
 * (RFC 7644 §3.1). Paging, sorting and attribute parameters are ignored (RFC 7644 §4), but a
 * {@code filter} is refused with 403 so that no client believes it was applied (as §4 asks). The
 * resources are read-only: other methods get 405 with {@code Allow: GET} (RFC 9110 §15.5.6). Open
 * to anonymous callers when the service is configured so (RFC 7643 §5 asks that the
 * authentication schemes be readable without authentication).
 */
final class DiscoveryEndpoint implements Endpoint {
    private static final String SERVICE_PROVIDER_CONFIG = "ServiceProviderConfig";
    private static final String RESOURCE_TYPES = "ResourceTypes";
    private static final String SCHEMAS = "Schemas";

    @Override
    public boolean serves(Exchange exchange) {
        List<String> segments = exchange.segments();
        if (segments.isEmpty()) {
            return false;
        }
        String first = segments.get(0);
        return first.equalsIgnoreCase(SERVICE_PROVIDER_CONFIG) || first.equalsIgnoreCase(RESOURCE_TYPES)
                || first.equalsIgnoreCase(SCHEMAS);
    }

    @Override
    public boolean anonymous() {
        return true;
    }

    @Override
    public ScimResponse handle(Exchange exchange) {
        List<String> segments = exchange.segments();
        String first = segments.get(0);
        if (segments.size() > 2 || segments.size() == 2 && first.equalsIgnoreCase(SERVICE_PROVIDER_CONFIG)) {
            throw ScimException.notFound("no SCIM endpoint at this path");
        }
        if (!exchange.method().equals("GET")) {
            return MethodNotAllowed.response(exchange, "GET");
        }
        if (exchange.request().query().has("filter")) {
            throw ScimException.forbidden("filtering is not supported on discovery endpoints (RFC 7644 §4)");
        }
        SchemaRegistry registry = exchange.config().registry();
        byte[] body;
        if (first.equalsIgnoreCase(SERVICE_PROVIDER_CONFIG)) {
            body = DiscoveryWriter.serviceProviderConfig(ServiceProviderConfigs.of(exchange.config()),
                    exchange.location("/" + SERVICE_PROVIDER_CONFIG));
        } else if (first.equalsIgnoreCase(RESOURCE_TYPES)) {
            body = segments.size() == 1
                    ? DiscoveryWriter.resourceTypes(registry.resourceTypes(), type -> location(exchange, type))
                    : resourceType(exchange, registry, segments.get(1));
        } else {
            body = segments.size() == 1
                    ? DiscoveryWriter.schemas(registry.schemas(), schema -> location(exchange, schema))
                    : schema(exchange, registry, segments.get(1));
        }
        return ScimResponse.json(200, body);
    }

    private static byte[] resourceType(Exchange exchange, SchemaRegistry registry, String segment) {
        String wanted = decoded(segment);
        ResourceType type = registry.resourceTypes().stream()
                .filter(candidate -> candidate.id().equalsIgnoreCase(wanted) || candidate.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> ScimException.notFound("no such resource type"));
        return DiscoveryWriter.resourceType(type, location(exchange, type));
    }

    private static byte[] schema(Exchange exchange, SchemaRegistry registry, String segment) {
        Schema schema = registry.schema(decoded(segment))
                .orElseThrow(() -> ScimException.notFound("no such schema"));
        return DiscoveryWriter.schema(schema, location(exchange, schema));
    }

    private static String location(Exchange exchange, ResourceType type) {
        return exchange.location("/" + RESOURCE_TYPES + "/" + type.id());
    }

    private static String location(Exchange exchange, Schema schema) {
        return exchange.location("/" + SCHEMAS + "/" + schema.id());
    }

    /** A path segment with percent-escapes decoded (a client may send {@code urn%3Aietf...}); malformed ones match nothing. */
    private static String decoded(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }
}
