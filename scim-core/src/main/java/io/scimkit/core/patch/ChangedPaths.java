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
import org.jspecify.annotations.Nullable;

/**
 * The canonical top-level attribute paths whose values differ between two bodies of one resource
 * type; extension attributes are qualified by their URN. Only the members a PATCH request wrote
 * are compared: the others are the same objects in both bodies.
 */
final class ChangedPaths {
    private ChangedPaths() {
    }

    static Set<AttributePath> between(SchemaRegistry registry, ResourceType type, ComplexValue before,
            ComplexValue after, TouchedAttributes touched) {
        Set<AttributePath> changed = new LinkedHashSet<>();
        for (String key : names(before, after, touched)) {
            Optional<Schema> extension = registry.extensionSchema(type, key);
            if (extension.isPresent()) {
                ComplexValue was = BodyAccess.holder(before, key);
                ComplexValue is = BodyAccess.holder(after, key);
                was = was == null ? ComplexValue.EMPTY : was;
                is = is == null ? ComplexValue.EMPTY : is;
                for (String name : names(was, is, null)) {
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

    /** The member names of both objects, each once whatever its case; only touched ones if given. */
    private static List<String> names(ComplexValue a, ComplexValue b, @Nullable TouchedAttributes touched) {
        List<String> names = new ArrayList<>();
        for (String name : a.attributes().keySet()) {
            if (touched == null || touched.contains(name)) {
                names.add(name);
            }
        }
        for (String name : b.attributes().keySet()) {
            if ((touched == null || touched.contains(name)) && !a.attributes().containsKey(name) && !listed(names, name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean listed(List<String> names, String name) {
        for (String known : names) {
            if (known.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
