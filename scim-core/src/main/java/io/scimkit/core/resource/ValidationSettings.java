package io.scimkit.core.resource;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.UnknownAttributePolicy;
import java.util.LinkedHashSet;
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
     * A copy that also requires these attributes of every User, beyond {@code userName} (the service
     * provider decides which attributes it requires, RFC 7643 §7). For example, an application that
     * needs a mail address and the client's identifier for every user:
     * {@code ValidationSettings.rfc().requireUserAttributes("emails", "externalId")}.
     *
     * <p>Each name is attribute notation (RFC 7644 §3.10): a core User attribute or sub-attribute
     * ({@code emails}, {@code name.familyName}), or an extension attribute with its schema URN
     * ({@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber}). Unqualified
     * names are qualified with the User schema URN, so Groups, which also have {@code externalId}, are
     * not affected. The attributes already required are kept. A name the User resource type does not
     * have is refused when the validator is built ({@link ResourceValidator#of}).
     *
     * @throws IllegalArgumentException if a name is not attribute notation
     */
    public ValidationSettings requireUserAttributes(String... names) {
        Set<AttributePath> paths = new LinkedHashSet<>(requiredAttributes);
        for (String name : names) {
            Objects.requireNonNull(name, "name");
            AttributePath path;
            try {
                path = AttributePath.parse(name.strip());
            } catch (ScimException notAPath) {
                throw new IllegalArgumentException("'" + name + "' is not an attribute name", notAPath);
            }
            paths.add(path.schemaUrn() != null ? path : path.withSchemaUrn(CoreSchemas.USER_URN));
        }
        return withRequiredAttributes(paths);
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
