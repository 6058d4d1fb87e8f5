package io.scimkit.core.patch;

import io.scimkit.core.patch.internal.BodyAccess;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The changed paths among the members the request wrote.
     *
     * @param touched the members written; core ones are recorded with their canonical names
     */
    static Set<AttributePath> between(SchemaRegistry registry, ResourceType type, ComplexValue before,
            ComplexValue after, TouchedAttributes touched) {
        return between(registry, type, before, after, touched, false);
    }

    /**
     * As {@link #between(SchemaRegistry, ResourceType, ComplexValue, ComplexValue, TouchedAttributes)};
     * {@code canonicalKeys} says that neither body holds a touched member under another spelling
     * than the one recorded, so the touched names are looked up directly instead of by scanning
     * both bodies' names.
     */
    static Set<AttributePath> between(SchemaRegistry registry, ResourceType type, ComplexValue before,
            ComplexValue after, TouchedAttributes touched, boolean canonicalKeys) {
        List<AttributePath> changed = new ArrayList<>(4);
        List<String> keys = canonicalKeys ? touched.present(before, after) : names(before, after, touched);
        for (String key : keys) {
            Optional<Schema> extension = touched.isExtension(key) ? registry.extensionSchema(type, key) : Optional.empty();
            if (extension.isPresent()) {
                ComplexValue was = BodyAccess.holder(before, key);
                ComplexValue is = BodyAccess.holder(after, key);
                was = was == null ? ComplexValue.EMPTY : was;
                is = is == null ? ComplexValue.EMPTY : is;
                for (String name : names(was, is, null)) {
                    if (!TouchedAttributes.equal(was.getOrNull(name), is.getOrNull(name)) && AttributePath.isAttributeName(name)) {
                        String canonical = extension.get().attribute(name).map(AttributeDefinition::name).orElse(name);
                        add(changed, new AttributePath(extension.get().id(), canonical, null));
                    }
                }
            } else if (!TouchedAttributes.equal(before.getOrNull(key), after.getOrNull(key)) && AttributePath.isAttributeName(key)) {
                // The name recorded is the definition's, as the registry would resolve it.
                add(changed, AttributePath.of(touched.canonical(key)));
            }
        }
        // Set.of hashes each path once; PatchResult keeps an immutable set as it is.
        return Set.of(changed.toArray(new AttributePath[0]));
    }

    private static void add(List<AttributePath> changed, AttributePath path) {
        if (!changed.contains(path)) {
            changed.add(path);
        }
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
            if (!a.attributes().containsKey(name) && (touched == null || touched.contains(name)) && !listed(names, name)) {
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
