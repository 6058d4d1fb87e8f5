package io.scimkit.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A SCIM schema (RFC 7643 §7): its URN {@code id}, a human-readable name and description, and the
 * definitions of its top-level attributes. Attributes are looked up without regard to case.
 * Immutable.
 */
public record Schema(String id, String name, String description, List<AttributeDefinition> attributes) {

    public Schema {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        attributes = List.copyOf(attributes);
        if (!id.regionMatches(true, 0, "urn:", 0, 4)) {
            throw new IllegalArgumentException("a schema id is a URN: " + id);
        }
    }

    /** The top-level attribute with this name, ignoring case. */
    public Optional<AttributeDefinition> attribute(String attributeName) {
        for (AttributeDefinition attribute : attributes) {
            if (attribute.name().equalsIgnoreCase(attributeName)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }
}
