package io.scimkit.core.protocol;

import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.ScimValue;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The attributes a POST or PUT body supplies, as canonical top-level paths (extension attributes
 * qualified by their URN): the response returns them even when they are {@code returned: request}
 * (RFC 7643 §7). Names the schemas do not define are left out.
 */
final class SuppliedAttributes {
    private SuppliedAttributes() {
    }

    static Set<AttributePath> of(SchemaRegistry registry, ResourceType type, ScimResource resource) {
        Set<AttributePath> supplied = new LinkedHashSet<>();
        for (Map.Entry<String, ScimValue> member : resource.body().attributes().entrySet()) {
            String name = member.getKey();
            Optional<Schema> extension = registry.extensionSchema(type, name);
            if (extension.isPresent()) {
                if (member.getValue() instanceof ComplexValue object) {
                    for (String inner : object.attributes().keySet()) {
                        extension.get().attribute(inner).map(AttributeDefinition::name)
                                .ifPresent(canonical -> supplied.add(new AttributePath(extension.get().id(), canonical, null)));
                    }
                }
            } else if (AttributePath.isAttributeName(name)) {
                registry.resolve(type, AttributePath.of(name)).map(ResolvedAttribute::attribute)
                        .map(AttributeDefinition::name).ifPresent(canonical -> supplied.add(AttributePath.of(canonical)));
            }
        }
        return supplied;
    }
}
