package io.scimkit.core.codec.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.AttributeType;
import io.scimkit.core.schema.Schema;
import java.io.IOException;
import java.util.List;

/**
 * Writes a {@link Schema} as the Schema resource of RFC 7643 §7 (as in §8.7.1): {@code id},
 * {@code name}, {@code description} and every attribute definition with all its characteristics,
 * so that a client never has to assume an RFC 7643 §2.2 default: {@code name}, {@code type},
 * {@code multiValued}, {@code description}, {@code required}, {@code caseExact},
 * {@code mutability}, {@code returned}, {@code uniqueness}, {@code canonicalValues} when there are
 * any, {@code referenceTypes} for references, and {@code subAttributes} for complex attributes
 * (in the same shape). {@code binary} is written as a type, although the RFC 7643
 * §7 list of types leaves it out, since the User schema uses it.
 */
public final class SchemaWriter {
    private SchemaWriter() {
    }

    /** Writes the schema's own members; the caller opens and closes the object. */
    public static void writeMembers(JsonGenerator json, Schema schema) throws IOException {
        json.writeStringField("id", schema.id());
        json.writeStringField("name", schema.name());
        json.writeStringField("description", schema.description());
        writeAttributes(json, "attributes", schema.attributes());
    }

    private static void writeAttributes(JsonGenerator json, String field, List<AttributeDefinition> attributes)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (AttributeDefinition attribute : attributes) {
            writeAttribute(json, attribute);
        }
        json.writeEndArray();
    }

    private static void writeAttribute(JsonGenerator json, AttributeDefinition attribute) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", attribute.name());
        json.writeStringField("type", attribute.type().token());
        json.writeBooleanField("multiValued", attribute.multiValued());
        json.writeStringField("description", attribute.description());
        json.writeBooleanField("required", attribute.required());
        json.writeBooleanField("caseExact", attribute.caseExact());
        json.writeStringField("mutability", attribute.mutability().token());
        json.writeStringField("returned", attribute.returned().token());
        json.writeStringField("uniqueness", attribute.uniqueness().token());
        if (!attribute.canonicalValues().isEmpty()) {
            writeStrings(json, "canonicalValues", attribute.canonicalValues());
        }
        if (attribute.type() == AttributeType.REFERENCE) {
            writeStrings(json, "referenceTypes", attribute.referenceTypes());
        }
        if (attribute.isComplex()) {
            writeAttributes(json, "subAttributes", attribute.subAttributes());
        }
        json.writeEndObject();
    }

    public static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
