package io.scimkit.core.schema;

import java.util.Objects;

/**
 * A schema extension declared by a resource type (RFC 7643 §6, {@code schemaExtensions}): the
 * extension's URN and whether resources of the type must carry it.
 */
public record SchemaExtension(String schema, boolean required) {
    public SchemaExtension {
        Objects.requireNonNull(schema, "schema");
    }
}
