package io.scimkit.core.codec.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.scimkit.core.message.internal.AuthenticationScheme;
import io.scimkit.core.message.internal.ListResponse;
import io.scimkit.core.message.internal.ServiceProviderConfig;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes the discovery resources of RFC 7644 §4 as JSON: the service provider configuration
 * (RFC 7643 §5), resource types (§6) and schemas (§7), singly or as a ListResponse (RFC 7644
 * §3.4.2, all results on one page). Every resource carries its {@code schemas} and a {@code meta}
 * with {@code resourceType} and the {@code location}, always absolute, although some RFC examples
 * use relative ones. Stateless and thread-safe.
 */
public final class DiscoveryWriter {
    /** {@code urn:ietf:params:scim:schemas:core:2.0:Schema} (RFC 7643 §7). */
    public static final String SCHEMA_URN = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    /** {@code urn:ietf:params:scim:schemas:core:2.0:ResourceType} (RFC 7643 §6). */
    public static final String RESOURCE_TYPE_URN = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

    private DiscoveryWriter() {
    }

    /** The {@code /ServiceProviderConfig} resource, located at {@code location}. */
    public static byte[] serviceProviderConfig(ServiceProviderConfig config, String location) {
        return document(json -> {
            json.writeStartObject();
            writeSchemas(json, ServiceProviderConfig.SCHEMA_URN);
            writeConfigMembers(json, config);
            writeMeta(json, ServiceProviderConfig.RESOURCE_TYPE, location);
            json.writeEndObject();
        });
    }

    /** One ResourceType resource, located at {@code location}. */
    public static byte[] resourceType(ResourceType type, String location) {
        return document(json -> writeResourceType(json, type, location));
    }

    /** A ListResponse of every resource type; {@code locations} gives each one's absolute URL. */
    public static byte[] resourceTypes(List<ResourceType> types, Function<ResourceType, String> locations) {
        return document(json -> writeList(json, types, type -> writeResourceType(json, type, locations.apply(type))));
    }

    /** One Schema resource, located at {@code location}. */
    public static byte[] schema(Schema schema, String location) {
        return document(json -> writeSchema(json, schema, location));
    }

    /** A ListResponse of every schema; {@code locations} gives each one's absolute URL. */
    public static byte[] schemas(List<Schema> schemas, Function<Schema, String> locations) {
        return document(json -> writeList(json, schemas, schema -> writeSchema(json, schema, locations.apply(schema))));
    }

    private static void writeConfigMembers(JsonGenerator json, ServiceProviderConfig config) throws IOException {
        if (config.documentationUri() != null) {
            json.writeStringField("documentationUri", config.documentationUri());
        }
        supported(json, "patch", config.patchSupported());
        json.writeObjectFieldStart("bulk");
        json.writeBooleanField("supported", config.bulk().supported());
        json.writeNumberField("maxOperations", config.bulk().maxOperations());
        json.writeNumberField("maxPayloadSize", config.bulk().maxPayloadSize());
        json.writeEndObject();
        json.writeObjectFieldStart("filter");
        json.writeBooleanField("supported", config.filter().supported());
        json.writeNumberField("maxResults", config.filter().maxResults());
        json.writeEndObject();
        supported(json, "changePassword", config.changePasswordSupported());
        supported(json, "sort", config.sortSupported());
        supported(json, "etag", config.etagSupported());
        json.writeArrayFieldStart("authenticationSchemes");
        for (AuthenticationScheme scheme : config.authenticationSchemes()) {
            writeScheme(json, scheme);
        }
        json.writeEndArray();
        ServiceProviderConfig.Pagination pagination = config.pagination();
        if (pagination != null) {
            json.writeObjectFieldStart("pagination");
            json.writeBooleanField("cursor", pagination.cursor());
            json.writeBooleanField("index", pagination.index());
            optionalString(json, "defaultPaginationMethod", pagination.defaultPaginationMethod());
            json.writeNumberField("defaultPageSize", pagination.defaultPageSize());
            json.writeNumberField("maxPageSize", pagination.maxPageSize());
            json.writeNumberField("cursorTimeout", pagination.cursorTimeout());
            json.writeEndObject();
        }
    }

    private static void writeScheme(JsonGenerator json, AuthenticationScheme scheme) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", scheme.type());
        json.writeStringField("name", scheme.name());
        json.writeStringField("description", scheme.description());
        optionalString(json, "specUri", scheme.specUri());
        optionalString(json, "documentationUri", scheme.documentationUri());
        json.writeBooleanField("primary", scheme.primary());
        json.writeEndObject();
    }

    private static void writeResourceType(JsonGenerator json, ResourceType type, String location) throws IOException {
        json.writeStartObject();
        writeSchemas(json, RESOURCE_TYPE_URN);
        json.writeStringField("id", type.id());
        json.writeStringField("name", type.name());
        json.writeStringField("description", type.description());
        json.writeStringField("endpoint", type.endpoint());
        json.writeStringField("schema", type.schema());
        if (!type.schemaExtensions().isEmpty()) {
            // A list although RFC 7643 §8.7.2 says multiValued false: every example and client uses one.
            json.writeArrayFieldStart("schemaExtensions");
            for (SchemaExtension extension : type.schemaExtensions()) {
                json.writeStartObject();
                json.writeStringField("schema", extension.schema());
                json.writeBooleanField("required", extension.required());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        writeMeta(json, "ResourceType", location);
        json.writeEndObject();
    }

    private static void writeSchema(JsonGenerator json, Schema schema, String location) throws IOException {
        json.writeStartObject();
        writeSchemas(json, SCHEMA_URN);
        SchemaWriter.writeMembers(json, schema);
        writeMeta(json, "Schema", location);
        json.writeEndObject();
    }

    /** A ListResponse holding every item on one page (discovery endpoints ignore paging, RFC 7644 §4). */
    private static <T> void writeList(JsonGenerator json, List<T> items, Item<T> item) throws IOException {
        json.writeStartObject();
        writeSchemas(json, ListResponse.LIST_RESPONSE_URN);
        json.writeNumberField("totalResults", items.size());
        json.writeNumberField("itemsPerPage", items.size());
        json.writeNumberField("startIndex", 1);
        json.writeArrayFieldStart("Resources");
        for (T each : items) {
            item.write(each);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeSchemas(JsonGenerator json, String urn) throws IOException {
        SchemaWriter.writeStrings(json, "schemas", List.of(urn));
    }

    private static void writeMeta(JsonGenerator json, String resourceType, String location) throws IOException {
        json.writeObjectFieldStart("meta");
        json.writeStringField("resourceType", resourceType);
        json.writeStringField("location", location);
        json.writeEndObject();
    }

    private static void supported(JsonGenerator json, String field, boolean supported) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeBooleanField("supported", supported);
        json.writeEndObject();
    }

    private static void optionalString(JsonGenerator json, String field, @Nullable String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    private static byte[] document(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator json = JsonFactories.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            body.write(json);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    /** The whole document, written to a generator. */
    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    /** One element of a list. */
    @FunctionalInterface
    private interface Item<T> {
        void write(T item) throws IOException;
    }
}
