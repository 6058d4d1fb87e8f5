package io.scimkit.core.patch;

import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The canonical top-level attribute paths whose values differ between two bodies of one resource
 * type; extension attributes are qualified by their URN.
 */
final class ChangedPaths {
    private ChangedPaths() {
    }

    static Set<AttributePath> between(SchemaRegistry registry, ResourceType type, ComplexValue before,
            ComplexValue after) {
        Set<AttributePath> changed = new LinkedHashSet<>();
        for (String key : names(before, after)) {
            Optional<Schema> extension = registry.extensionSchema(type, key);
            if (extension.isPresent()) {
                ComplexValue was = BodyAccess.holder(before, key);
                ComplexValue is = BodyAccess.holder(after, key);
                was = was == null ? ComplexValue.EMPTY : was;
                is = is == null ? ComplexValue.EMPTY : is;
                for (String name : names(was, is)) {
                    if (!Objects.equals(was.getOrNull(name), is.getOrNull(name)) && AttributePath.isAttributeName(name)) {
                        String canonical = extension.get().attribute(name).map(AttributeDefinition::name).orElse(name);
                        changed.add(new AttributePath(extension.get().id(), canonical, null));
                    }
                }
            } else if (!Objects.equals(before.getOrNull(key), after.getOrNull(key)) && AttributePath.isAttributeName(key)) {
                String canonical = registry.resolve(type, AttributePath.of(key))
                        .map(ResolvedAttribute::attribute).map(AttributeDefinition::name).orElse(key);
                changed.add(AttributePath.of(canonical));
            }
        }
        return changed;
    }

    /** The member names of both objects, each once whatever its case. */
    private static List<String> names(ComplexValue a, ComplexValue b) {
        List<String> names = new ArrayList<>(a.attributes().keySet());
        for (String name : b.attributes().keySet()) {
            if (names.stream().noneMatch(name::equalsIgnoreCase)) {
                names.add(name);
            }
        }
        return names;
    }

}
