package io.scimkit.core.protocol;

import io.scimkit.core.resource.Projection;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaExtension;
import io.scimkit.core.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The projections the resource endpoints load resources with before they change them (PUT, PATCH,
 * soft DELETE). A store may skip what a projection excludes, so a resource that is
 * read to be written back must be loaded with every attribute named, {@code returned: request}
 * ones included; a group is loaded without {@code members} when only a member delta is written,
 * so that a PATCH costs O(change), not O(group size). Immutable.
 */
final class LoadProjections {
    private static final String MEMBERS = "members";

    private final Map<String, Projection> everything = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, Projection> withoutMembers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    LoadProjections(SchemaRegistry registry) {
        for (ResourceType type : registry.resourceTypes()) {
            everything.put(type.name(), all(registry, type, true));
            withoutMembers.put(type.name(), all(registry, type, false));
        }
    }

    /** Every attribute of the type, for a read-modify-write. */
    Projection everything(ResourceType type) {
        return everything.get(type.name());
    }

    /** Every attribute but {@code members}: a group whose members change only by delta. */
    Projection withoutMembers(ResourceType type) {
        return withoutMembers.get(type.name());
    }

    private static Projection all(SchemaRegistry registry, ResourceType type, boolean members) {
        List<String> names = new ArrayList<>();
        for (AttributeDefinition common : CoreSchemas.COMMON_ATTRIBUTES) {
            names.add(common.name());
        }
        for (AttributeDefinition attribute : registry.baseSchema(type).attributes()) {
            if (members || !attribute.name().toLowerCase(Locale.ROOT).equals(MEMBERS)) {
                names.add(attribute.name());
            }
        }
        for (SchemaExtension extension : type.schemaExtensions()) {
            names.add(extension.schema());
        }
        return Projection.of(registry, type, String.join(",", names), null);
    }
}
