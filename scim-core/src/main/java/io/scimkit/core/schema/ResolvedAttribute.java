package io.scimkit.core.schema;

import io.scimkit.core.path.AttributePath;
import org.jspecify.annotations.Nullable;

/**
 * An attribute path resolved against a resource type: the attribute's definition, the
 * sub-attribute's definition when the path names one, and the URN of the schema extension whose
 * object holds the value (RFC 7643 §3.3), or {@code null} for core and common attributes.
 */
public record ResolvedAttribute(@Nullable String extensionUrn, AttributeDefinition attribute,
        @Nullable AttributeDefinition subAttribute) {

    /** The definition the path ends at: the sub-attribute if there is one, else the attribute. */
    public AttributeDefinition leaf() {
        return subAttribute != null ? subAttribute : attribute;
    }

    /** Whether the value lives inside a schema-extension object. */
    public boolean inExtension() {
        return extensionUrn != null;
    }

    /** The path with canonical spelling: extension URN (if any), attribute and sub-attribute. */
    public AttributePath canonicalPath() {
        return new AttributePath(extensionUrn, attribute.name(), subAttribute == null ? null : subAttribute.name());
    }
}
