package io.scimkit.core.resource;

import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.UnknownAttributePolicy;
import java.util.Objects;
import java.util.Set;

/**
 * How strictly a {@link ResourceValidator} checks resources, per deployment.
 *
 * @param requiredAttributes attributes this deployment requires on top of those the schemas mark
 *     {@code required} (RFC 7643 §7). An unqualified path applies to every resource type that has
 *     the attribute; a path qualified with a base schema URN, such as
 *     {@code urn:ietf:params:scim:schemas:core:2.0:User:externalId}, only to resources of that
 *     schema. A path to a sub-attribute ({@code emails.value}) requires the attribute and that
 *     sub-attribute in each of its values.
 * @param unknownAttributes what to do with attributes and sub-attributes the schemas do not define
 * @param canonicalValues whether values outside {@code canonicalValues} are refused
 */
public record ValidationSettings(Set<AttributePath> requiredAttributes, UnknownAttributePolicy unknownAttributes,
        CanonicalValuePolicy canonicalValues) {

    public ValidationSettings {
        requiredAttributes = Set.copyOf(requiredAttributes);
        Objects.requireNonNull(unknownAttributes, "unknownAttributes");
        Objects.requireNonNull(canonicalValues, "canonicalValues");
    }

    /**
     * The RFC alone: only what the schemas mark required, unknown attributes ignored, any value
     * accepted for attributes with canonical values.
     */
    public static ValidationSettings rfc() {
        return new ValidationSettings(Set.of(), UnknownAttributePolicy.IGNORE, CanonicalValuePolicy.ACCEPT_ANY);
    }

    /**
     * The myPolicies profile (DESIGN.md §1): {@link #rfc()} plus Users must carry {@code userName},
     * {@code emails} and {@code externalId}. Groups are unaffected.
     */
    public static ValidationSettings myPolicies() {
        return rfc().withRequiredAttributes(Set.of(
                new AttributePath(CoreSchemas.USER_URN, "userName", null),
                new AttributePath(CoreSchemas.USER_URN, "emails", null),
                new AttributePath(CoreSchemas.USER_URN, "externalId", null)));
    }

    /** A copy requiring these attributes instead. */
    public ValidationSettings withRequiredAttributes(Set<AttributePath> paths) {
        return new ValidationSettings(paths, unknownAttributes, canonicalValues);
    }

    /** A copy with this unknown-attribute policy. */
    public ValidationSettings withUnknownAttributes(UnknownAttributePolicy policy) {
        return new ValidationSettings(requiredAttributes, policy, canonicalValues);
    }

    /** A copy with this canonical-value policy. */
    public ValidationSettings withCanonicalValues(CanonicalValuePolicy policy) {
        return new ValidationSettings(requiredAttributes, unknownAttributes, policy);
    }
}
