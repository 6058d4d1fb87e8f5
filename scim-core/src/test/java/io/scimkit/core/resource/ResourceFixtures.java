package io.scimkit.core.resource;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Shared test helpers: golden resources read with the codec, and databind trees for comparison. */
final class ResourceFixtures {
    static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    static final ResourceCodec CODEC = ResourceCodec.of(REGISTRY);
    static final ResourceType USER = REGISTRY.resourceType("User").orElseThrow();
    static final ResourceType GROUP = REGISTRY.resourceType("Group").orElseThrow();
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ResourceFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = ResourceFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A golden resource file of this package, read with the codec. */
    static ScimResource golden(String name, ResourceType type) {
        return CODEC.read(bytes(name), type);
    }

    /** A resource from inline JSON, read with the codec. */
    static ScimResource read(String json, ResourceType type) {
        return CODEC.read(json.getBytes(UTF_8), type);
    }

    /** A golden file as a databind tree. */
    static ObjectNode goldenTree(String name) {
        return (ObjectNode) tree(bytes(name));
    }

    static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        return tree(json.getBytes(UTF_8));
    }

    /** A resource as written by the codec, as a databind tree. */
    static JsonNode tree(ScimResource resource) {
        return tree(CODEC.write(resource));
    }
}
