package io.scimkit.core.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ScimValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-side JSON for PATCH tests: resources through the codec, PATCH bodies through
 * jackson-databind into {@link PatchRequest} (the production PATCH body codec lives elsewhere).
 */
final class PatchJson {
    static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    static final ResourceCodec CODEC = ResourceCodec.of(REGISTRY);
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final ResourceType USER = CoreSchemas.USER_RESOURCE_TYPE;
    static final ResourceType GROUP = CoreSchemas.GROUP_RESOURCE_TYPE;

    private PatchJson() {
    }

    static ScimResource resource(JsonNode json, ResourceType type) {
        return CODEC.read(bytes(json), type);
    }

    static ScimResource resource(String json, ResourceType type) {
        return resource(tree(json), type);
    }

    static JsonNode tree(ScimResource resource) {
        return tree(new String(CODEC.write(resource), java.nio.charset.StandardCharsets.UTF_8));
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    static ScimValue value(JsonNode json) {
        return CODEC.readValue(bytes(json));
    }

    /** {@code {"schemas":[...], "Operations":[{"op":..., "path":..., "value":...}]}} as a request. */
    static PatchRequest request(JsonNode json) {
        List<String> schemas = new ArrayList<>();
        json.path("schemas").forEach(uri -> schemas.add(uri.asText()));
        List<PatchOperation> operations = new ArrayList<>();
        for (JsonNode operation : json.path("Operations")) {
            JsonNode path = operation.get("path");
            operations.add(new PatchOperation(operation.path("op").asText(),
                    path == null || path.isNull() ? null : path.asText(),
                    operation.has("value") ? value(operation.get("value")) : null));
        }
        return new PatchRequest(schemas, operations);
    }

    static PatchRequest request(String json) {
        return request(tree(json));
    }

    static byte[] bytes(JsonNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
