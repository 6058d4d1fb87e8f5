package io.scimkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimkit.core.value.BooleanValue;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.DecimalValue;
import io.scimkit.core.value.IntegerValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns the sample's Jackson tree into scimkit values for the benchmark fixture, by JSON type only
 * (RFC 7643 §2.3). The library's schema-aware codec is not measured here; the sample holds only
 * strings, booleans, objects and arrays, so the result equals what the codec would produce.
 */
final class JsonToScimValue {
    private JsonToScimValue() {
    }

    static ScimValue convert(JsonNode node) {
        if (node.isObject()) {
            ComplexValue.Builder builder = ComplexValue.builder();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                builder.put(field.getKey(), convert(field.getValue()));
            }
            return builder.build();
        }
        if (node.isArray()) {
            List<ScimValue> values = new ArrayList<>();
            node.forEach(element -> values.add(convert(element)));
            return MultiValue.of(values);
        }
        if (node.isTextual()) {
            return StringValue.of(node.textValue());
        }
        if (node.isBoolean()) {
            return BooleanValue.of(node.booleanValue());
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return IntegerValue.of(node.longValue());
        }
        if (node.isNumber()) {
            return DecimalValue.of(node.decimalValue());
        }
        return NullValue.INSTANCE;
    }
}
