package io.scimkit.core.codec;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Shared test helpers: the codec under test, golden files, and databind trees for comparison. */
final class CodecFixtures {
    static final SchemaRegistry REGISTRY = SchemaRegistry.core();
    static final ResourceCodec CODEC = ResourceCodec.of(REGISTRY);
    static final ResourceType USER = REGISTRY.resourceType("User").orElseThrow();
    static final ResourceType GROUP = REGISTRY.resourceType("Group").orElseThrow();

    /** Reads floats as BigDecimal so that {@code 1.50} and {@code 1.5} are different trees. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private CodecFixtures() {
    }

    static byte[] resource(String name) {
        try (InputStream in = CodecFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
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

    static byte[] bytes(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of the tree without object members that are null or an empty array, at any depth:
     * what the writer is expected to give back (RFC 7643 §2.5).
     */
    static JsonNode withoutUnassigned(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                JsonNode value = member.getValue();
                if (value.isNull() || value.isArray() && value.isEmpty()) {
                    continue;
                }
                copy.set(member.getKey(), withoutUnassigned(value));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = MAPPER.createArrayNode();
            array.forEach(element -> copy.add(withoutUnassigned(element)));
            return copy;
        }
        return node;
    }

    /** The member names of an object node, in order. */
    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
