package io.scimkit.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A SCIM resource type (RFC 7643 §6): its name (the value of {@code meta.resourceType}), the
 * endpoint relative to the base URI (e.g. {@code /Users}), its base schema URN and the schema
 * extensions it allows. Immutable.
 */
public record ResourceType(String id, String name, String description, String endpoint, String schema,
        List<SchemaExtension> schemaExtensions) {

    public ResourceType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(schema, "schema");
        schemaExtensions = List.copyOf(schemaExtensions);
        if (!endpoint.startsWith("/") || endpoint.length() < 2 || endpoint.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("an endpoint is one path segment such as /Users: " + endpoint);
        }
    }

    /** A resource type whose id equals its name. */
    public static ResourceType of(String name, String description, String endpoint, String schema,
            List<SchemaExtension> schemaExtensions) {
        return new ResourceType(name, name, description, endpoint, schema, schemaExtensions);
    }

    /** The declared extension with this URN, ignoring case. */
    public Optional<SchemaExtension> extension(String urn) {
        for (SchemaExtension extension : schemaExtensions) {
            if (extension.schema().equals(urn) || extension.schema().equalsIgnoreCase(urn)) {
                return Optional.of(extension);
            }
        }
        return Optional.empty();
    }

    /** A copy that also allows the given extension. */
    public ResourceType withExtension(SchemaExtension extension) {
        if (extension(extension.schema()).isPresent()) {
            throw new IllegalArgumentException("resource type " + name + " already has extension "
                    + extension.schema());
        }
        List<SchemaExtension> extended = new java.util.ArrayList<>(schemaExtensions);
        extended.add(extension);
        return new ResourceType(id, name, description, endpoint, schema, extended);
    }
}
