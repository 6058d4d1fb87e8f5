package io.scimkit.core.codec.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.ScimValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a resource body (RFC 7643 §3) in a stable order: {@code schemas}, {@code id},
 * {@code externalId}, then the other members in body order ({@code meta} where it is), then the
 * extension objects (members keyed by a registered schema URN, §3.3) in body order. JSON member
 * order carries no meaning (RFC 7643 §2.3.8); a fixed order keeps responses readable and diffable.
 */
public final class ResourceWriter {
    private static final List<String> LEADING = List.of("schemas", "id", "externalId");

    private final SchemaRegistry registry;

    public ResourceWriter(SchemaRegistry registry) {
        this.registry = registry;
    }

    public void write(JsonGenerator generator, ComplexValue body) throws IOException {
        ValueWriter values = new ValueWriter(generator);
        generator.writeStartObject();
        for (String leading : LEADING) {
            String stored = body.storedName(leading).orElse(null);
            if (stored != null) {
                values.writeMember(stored, body.attributes().get(stored));
            }
        }
        List<Map.Entry<String, ScimValue>> extensions = new ArrayList<>();
        for (Map.Entry<String, ScimValue> member : body.attributes().entrySet()) {
            if (isLeading(member.getKey())) {
                continue;
            }
            if (isExtensionObject(member.getKey(), member.getValue())) {
                extensions.add(member);
            } else {
                values.writeMember(member.getKey(), member.getValue());
            }
        }
        for (Map.Entry<String, ScimValue> extension : extensions) {
            values.writeMember(extension.getKey(), extension.getValue());
        }
        generator.writeEndObject();
    }

    private static boolean isLeading(String name) {
        for (String leading : LEADING) {
            if (leading.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private boolean isExtensionObject(String name, @Nullable ScimValue value) {
        return value instanceof ComplexValue && name.regionMatches(true, 0, "urn:", 0, 4)
                && registry.schema(name).isPresent();
    }
}
