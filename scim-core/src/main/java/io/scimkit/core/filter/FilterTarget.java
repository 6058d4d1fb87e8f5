package io.scimkit.core.filter;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Returned;
import io.scimkit.core.schema.SchemaRegistry;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one attribute path of a filter names, checked against the schema: the definitions, where
 * the value lives, and the path as the client wrote it for error details.
 *
 * <p>At the top level a path is resolved against the resource type (RFC 7644 §3.10); inside a
 * value filter the names are sub-attributes of the bracketed attribute, and the scope is one
 * element of it. Unknown names fail here with 400 {@code invalidFilter}, before any resource is
 * looked at: the RFC only says how an undefined attribute behaves in a query across resource
 * types (it has no value), and on a typed endpoint a clear error beats an empty result.
 *
 * @param display the path as written, for error details
 * @param attribute the definition of the attribute the locator's first name reaches
 * @param subAttribute the definition of the sub-attribute, or {@code null}
 * @param locator where the values live, relative to the scope
 * @param schemasAttribute whether this is the common {@code schemas} attribute, whose URIs compare
 *     without regard to case (RFC 7644 §3.10)
 */
record FilterTarget(String display, AttributeDefinition attribute, @Nullable AttributeDefinition subAttribute,
        AttributeLocator locator, boolean schemasAttribute) {

    private static final AttributeDefinition SCHEMAS = CoreSchemas.commonAttribute("schemas").orElseThrow();

    /** The definition the path ends at. */
    AttributeDefinition leaf() {
        return subAttribute != null ? subAttribute : attribute;
    }

    /**
     * Resolves a top-level filter path against a resource type.
     *
     * @throws ScimException {@code invalidFilter} naming the path if it names nothing
     */
    static FilterTarget inResource(SchemaRegistry registry, ResourceType type, AttributePath path) {
        Optional<ResolvedAttribute> resolved = registry.resolve(type, path.parent());
        if (resolved.isEmpty()) {
            throw ScimException.invalidFilter("attribute '" + path.parent() + "' in the filter is not defined for "
                    + type.name() + " resources");
        }
        AttributeDefinition attribute = resolved.get().attribute();
        String extensionUrn = resolved.get().extensionUrn();
        AttributeDefinition sub = subAttribute(attribute, path);
        requireFilterable(attribute, path);
        if (sub != null) {
            requireFilterable(sub, path);
        }
        AttributeLocator locator = new AttributeLocator(extensionUrn, attribute.name(), sub == null ? null : sub.name());
        return new FilterTarget(path.toString(), attribute, sub, locator,
                extensionUrn == null && attribute.equals(SCHEMAS));
    }

    /**
     * Resolves a path inside {@code parent[...]}: its name is a sub-attribute of the parent
     * (RFC 7644 §3.4.2.2), and the scope is one element of the parent.
     *
     * @throws ScimException {@code invalidFilter} if the path is qualified, has a sub-attribute of
     *     its own, or names no sub-attribute of the parent
     */
    static FilterTarget inElement(FilterTarget parent, AttributePath path) {
        if (path.schemaUrn() != null || path.subAttribute() != null) {
            throw ScimException.invalidFilter("inside '" + parent.display() + "[...]' a path is a sub-attribute name of "
                    + parent.attribute().name() + ", not '" + path + "'");
        }
        AttributeDefinition sub = parent.attribute().subAttribute(path.attribute())
                .orElseThrow(() -> ScimException.invalidFilter("'" + path + "' is not a sub-attribute of '"
                        + parent.display() + "'"));
        requireFilterable(sub, path);
        return new FilterTarget(parent.display() + "." + path.attribute(), sub, null,
                new AttributeLocator(null, sub.name(), null), false);
    }

    /**
     * The target a comparison without a sub-attribute reaches on a complex attribute:
     * {@code emails co "x"} compares {@code emails.value}. RFC 7644 §3.4.2.2 asks for a
     * sub-attribute but uses this very form in an example, and clients send {@code members eq "id"};
     * we read it as the {@code value} sub-attribute where there is one. Other targets are returned
     * unchanged.
     *
     * @throws ScimException {@code invalidFilter} for a complex attribute without a {@code value}
     *     sub-attribute, such as {@code name}
     */
    FilterTarget comparable() {
        if (!leaf().isComplex()) {
            return this;
        }
        Optional<AttributeDefinition> value = attribute.subAttribute("value");
        if (subAttribute != null || value.isEmpty()) {
            throw ScimException.invalidFilter("'" + display + "' is a complex attribute; compare one of its sub-attributes,"
                    + " such as '" + display + "." + firstSubName(leaf()) + "'");
        }
        AttributeLocator valueLocator = new AttributeLocator(locator.extensionUrn(), locator.attribute(),
                value.get().name());
        return new FilterTarget(display, attribute, value.get(), valueLocator, false);
    }

    private static @Nullable AttributeDefinition subAttribute(AttributeDefinition attribute, AttributePath path) {
        String subName = path.subAttribute();
        if (subName == null) {
            return null;
        }
        if (!attribute.isComplex()) {
            throw ScimException.invalidFilter("'" + path.parent() + "' is not a complex attribute, so '" + path
                    + "' names nothing");
        }
        return attribute.subAttribute(subName).orElseThrow(() -> ScimException.invalidFilter(
                "attribute '" + path + "' in the filter is not defined: " + attribute.name() + " has no sub-attribute '"
                        + subName + "'"));
    }

    /**
     * Attributes that are never returned (such as {@code password}) cannot be filtered on: a
     * filter would let clients probe their values (RFC 7643 §7 lets the service provider decide).
     */
    private static void requireFilterable(AttributeDefinition definition, AttributePath path) {
        if (definition.returned() == Returned.NEVER) {
            throw ScimException.invalidFilter("attribute '" + path + "' is never returned and cannot be used in a filter");
        }
    }

    private static String firstSubName(AttributeDefinition complex) {
        return complex.subAttributes().isEmpty() ? "value" : complex.subAttributes().get(0).name();
    }
}
