package io.scimkit.testkit.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimkit.testkit.target.TargetResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads what a load run needs from SCIM response bodies (RFC 7644 §3.4.2 ListResponse, §3.3 resources). */
final class ResponseBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponseBodies() {
    }

    /** The body as JSON, or {@code null} if it is not JSON. */
    static @Nullable JsonNode json(TargetResponse response) {
        try {
            JsonNode node = JSON.readTree(response.body());
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The text of a string member, or {@code null}. */
    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = member(node, field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /**
     * A member by name without regard to case (RFC 7643 §2.1: attribute names are
     * case-insensitive), or {@code null}.
     */
    static @Nullable JsonNode member(JsonNode node, String field) {
        JsonNode exact = node.get(field);
        if (exact != null) {
            return exact;
        }
        var names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.toLowerCase(Locale.ROOT).equals(field.toLowerCase(Locale.ROOT))) {
                return node.get(name);
            }
        }
        return null;
    }

    /** A ListResponse's {@code totalResults}, or -1 if absent. */
    static long totalResults(JsonNode list) {
        JsonNode total = member(list, "totalResults");
        return total != null && total.canConvertToLong() ? total.asLong() : -1;
    }

    /** A ListResponse's {@code Resources} (empty if absent). */
    static List<JsonNode> resources(JsonNode list) {
        JsonNode resources = member(list, "Resources");
        List<JsonNode> all = new ArrayList<>();
        if (resources != null && resources.isArray()) {
            resources.forEach(all::add);
        }
        return all;
    }
}
