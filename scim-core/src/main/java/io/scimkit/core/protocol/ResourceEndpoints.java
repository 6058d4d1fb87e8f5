package io.scimkit.core.protocol;

import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.error.ScimException;
import io.scimkit.core.resource.ResourceValidator;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import java.util.List;
import java.util.Optional;

/**
 * The single-resource endpoints of every registered resource type, custom ones included
 * (RFC 7644 §3.2): {@code POST /{endpoint}} creates; {@code GET}, {@code PUT}, {@code PATCH} and
 * {@code DELETE} on {@code /{endpoint}/{id}} read, replace, modify and delete. Other methods on
 * these paths answer 405 with an {@code Allow} header and a SCIM error body (the RFC names no
 * status for them; RFC 9110 §15.5.6 requires {@code Allow} on a 405).
 *
 * <p>{@code GET /{endpoint}} (a query) and {@code /{endpoint}/.search} belong to the query
 * endpoints and are not served here; discovery, {@code /Bulk} and {@code /Me} neither. Immutable
 * and thread-safe.
 */
final class ResourceEndpoints implements Endpoint {
    private static final String SEARCH = ".search";
    private static final String COLLECTION_METHODS = "GET, POST";
    private static final String RESOURCE_METHODS = "GET, PUT, PATCH, DELETE";

    private final SchemaRegistry registry;
    private final CreateHandler create;
    private final ReadHandler read;
    private final ReplaceHandler replace;
    private final PatchHandler patch;
    private final DeleteHandler delete;

    ResourceEndpoints(ServiceConfig config) {
        this.registry = config.registry();
        ResourceCodec codec = ResourceCodec.of(registry);
        ResourceValidator validator = ResourceValidator.of(registry, config.validation());
        ResourceRenderer renderer = new ResourceRenderer(config);
        LoadProjections loads = new LoadProjections(registry);
        this.create = new CreateHandler(registry, codec, validator, renderer);
        this.read = new ReadHandler(renderer, loads);
        this.replace = new ReplaceHandler(registry, codec, validator, renderer, loads);
        this.patch = new PatchHandler(registry, validator, renderer, loads);
        this.delete = new DeleteHandler(registry, loads);
    }

    /**
     * {@code /{endpoint}} for every method but GET (POST creates, the rest is 405), and
     * {@code /{endpoint}/{id}} for every method, where {@code id} is not {@code .search}.
     */
    @Override
    public boolean serves(Exchange exchange) {
        List<String> segments = exchange.segments();
        if (segments.isEmpty() || segments.size() > 2 || type(segments).isEmpty()) {
            return false;
        }
        if (segments.size() == 1) {
            return !exchange.method().equals("GET");
        }
        return !segments.get(1).equalsIgnoreCase(SEARCH);
    }

    @Override
    public ScimResponse handle(Exchange exchange) {
        List<String> segments = exchange.segments();
        ResourceType type = type(segments).orElseThrow(() -> new IllegalStateException("not served here"));
        String method = exchange.method();
        if (segments.size() == 1) {
            return method.equals("POST")
                    ? create.handle(new ResourceCall(exchange, type))
                    : methodNotAllowed(method, type.endpoint(), COLLECTION_METHODS);
        }
        String id = segments.get(1);
        return switch (method) {
            case "GET" -> read.handle(new ResourceCall(exchange, type), id);
            case "PUT" -> replace.handle(new ResourceCall(exchange, type), id);
            case "PATCH" -> patch.handle(new ResourceCall(exchange, type), id);
            case "DELETE" -> delete.handle(new ResourceCall(exchange, type), id);
            default -> methodNotAllowed(method, type.endpoint() + "/{id}", RESOURCE_METHODS);
        };
    }

    private Optional<ResourceType> type(List<String> segments) {
        return registry.resourceTypeAt("/" + segments.get(0));
    }

    /** 405 with {@code Allow} and a SCIM error body. */
    private static ScimResponse methodNotAllowed(String method, String path, String allowed) {
        String shown = method.chars().allMatch(c -> c >= 'A' && c <= 'Z') && method.length() <= 20 ? method : "this method";
        return ScimResponse.error(ScimException.methodNotAllowed(shown + " is not allowed on " + path
                + "; allowed: " + allowed)).withHeader("Allow", allowed);
    }
}
