package io.scimkit.core.patch;

import io.scimkit.core.patch.internal.ElementEquality;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaExtension;
import io.scimkit.core.schema.SchemaRegistry;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The {@link ElementEquality} of every multi-valued attribute of one resource type (RFC 7643 §2.4),
 * built once per {@link PatchEngine} so that an operation on {@code members} or {@code emails}
 * does not look up the {@code value}, {@code type} and {@code primary} sub-attributes again.
 * Keyed by the identity of the registry's definitions; any other definition is looked up per
 * call. Immutable after construction and thread-safe.
 */
final class ElementSameness {
    private final Map<AttributeDefinition, ElementEquality> known;

    private ElementSameness(Map<AttributeDefinition, ElementEquality> known) {
        this.known = known;
    }

    /** The sameness of the multi-valued attributes of the type: common, base schema and extensions. */
    static ElementSameness of(SchemaRegistry registry, ResourceType type) {
        Map<AttributeDefinition, ElementEquality> known = new IdentityHashMap<>();
        CoreSchemas.COMMON_ATTRIBUTES.forEach(attribute -> add(known, attribute));
        registry.schema(type.schema()).ifPresent(schema -> schema.attributes().forEach(attribute -> add(known, attribute)));
        for (SchemaExtension extension : type.schemaExtensions()) {
            registry.schema(extension.schema()).ifPresent(schema -> schema.attributes().forEach(a -> add(known, a)));
        }
        return new ElementSameness(known);
    }

    private static void add(Map<AttributeDefinition, ElementEquality> known, AttributeDefinition attribute) {
        if (attribute.multiValued()) {
            known.put(attribute, ElementEquality.of(attribute));
        }
    }

    /** The sameness of the attribute's elements. */
    ElementEquality of(AttributeDefinition attribute) {
        ElementEquality equality = known.get(attribute);
        return equality != null ? equality : ElementEquality.of(attribute);
    }
}
