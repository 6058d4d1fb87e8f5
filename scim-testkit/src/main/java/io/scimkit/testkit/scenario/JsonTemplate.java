package io.scimkit.testkit.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value (a request body, or the value an assertion expects) whose strings may hold
 * {@code {{expression}}} placeholders. Rendering walks the tree and renders each string as a
 * {@link TextTemplate}, so quoting and escaping stay JSON's business; member names are literal.
 * Immutable: the tree is copied in and every render builds a new one.
 */
public final class JsonTemplate {
    private final JsonNode tree;

    private JsonTemplate(JsonNode tree) {
        this.tree = tree;
    }

    /**
     * The template of this JSON value.
     *
     * @throws IllegalArgumentException if a string has an unbalanced placeholder
     */
    public static JsonTemplate of(JsonNode tree) {
        Objects.requireNonNull(tree, "tree");
        JsonNode copy = tree.deepCopy();
        check(copy);
        return new JsonTemplate(copy);
    }

    /** The JSON value with every placeholder rendered. */
    public JsonNode render(Placeholders placeholders) {
        return render(tree, placeholders);
    }

    /** The value as written, placeholders and all (a copy). */
    public JsonNode source() {
        return tree.deepCopy();
    }

    private static JsonNode render(JsonNode node, Placeholders placeholders) {
        if (node.isTextual()) {
            TextTemplate text = TextTemplate.of(node.textValue());
            return text.hasPlaceholders() ? JsonNodeFactory.instance.textNode(text.render(placeholders)) : node;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(element -> copy.add(render(element, placeholders)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), render(field.getValue(), placeholders));
            }
            return copy;
        }
        return node;
    }

    private static void check(JsonNode node) {
        if (node.isTextual()) {
            TextTemplate.of(node.textValue());
        } else if (node.isContainerNode()) {
            node.forEach(JsonTemplate::check);
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof JsonTemplate that && tree.equals(that.tree);
    }

    @Override
    public int hashCode() {
        return tree.hashCode();
    }

    @Override
    public String toString() {
        return tree.toString();
    }
}
