package io.scimkit.core.resource;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaRegistry;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A set of attributes of one resource type named in attribute notation (RFC 7644 §3.10): whole
 * attributes, single sub-attributes, and whole schema-extension objects named by their bare URN.
 * Every name is resolved against the schemas and kept in canonical form, so lookups ignore case
 * (RFC 7644 §3.10) and an unqualified name equals one qualified with the base schema URN.
 *
 * <p>Names the resource type does not define are left out: a projection that names them selects
 * nothing for them. Immutable.
 */
record AttributeSelection(Set<AttributePath> paths, Set<String> extensions) {
    static final AttributeSelection EMPTY = new AttributeSelection(Set.of(), Set.of());

    AttributeSelection {
        paths = Set.copyOf(paths);
        extensions = Set.copyOf(extensions);
    }

    /**
     * Parses the names of an {@code attributes} or {@code excludedAttributes} parameter. Each
     * element may itself be a comma-separated list (the URL form, RFC 7644 §3.9); blanks around names
     * and empty entries are skipped.
     *
     * @throws ScimException {@code invalidValue} if a name is not attribute notation
     */
    static AttributeSelection parse(SchemaRegistry registry, ResourceType type, Collection<String> elements,
            String parameter) {
        Builder builder = new Builder(registry, type);
        for (String element : elements) {
            for (String part : element.split(",", -1)) {
                String name = part.strip();
                if (!name.isEmpty()) {
                    builder.addName(name, parameter);
                }
            }
        }
        return builder.build();
    }

    /** Resolves paths given by the caller, e.g. the attributes a PATCH request modified. */
    static AttributeSelection of(SchemaRegistry registry, ResourceType type, Collection<AttributePath> given) {
        if (given.isEmpty()) {
            return EMPTY;
        }
        Builder builder = new Builder(registry, type);
        given.forEach(builder::addPath);
        return builder.build();
    }

    boolean isEmpty() {
        return paths.isEmpty() && extensions.isEmpty();
    }

    /** Whether the attribute is selected as a whole, directly or through its extension's URN. */
    boolean selectsWhole(@Nullable String urn, String attribute) {
        return urn != null && extensions.contains(key(urn)) || paths.contains(new AttributePath(urn, attribute, null));
    }

    /** Whether this sub-attribute is named by itself. */
    boolean selectsSub(@Nullable String urn, String attribute, String sub) {
        return paths.contains(new AttributePath(urn, attribute, sub));
    }

    /** Whether the attribute or any part of it is selected. */
    boolean touches(@Nullable String urn, String attribute) {
        if (selectsWhole(urn, attribute)) {
            return true;
        }
        AttributePath parent = new AttributePath(urn, attribute, null);
        for (AttributePath path : paths) {
            if (path.hasSubAttribute() && path.parent().equals(parent)) {
                return true;
            }
        }
        return false;
    }

    private static String key(String urn) {
        return urn.toLowerCase(Locale.ROOT);
    }

    /** Resolves names one by one. Not thread-safe. */
    private static final class Builder {
        private final SchemaRegistry registry;
        private final ResourceType type;
        private final Set<AttributePath> paths = new HashSet<>();
        private final Set<String> extensions = new HashSet<>();

        Builder(SchemaRegistry registry, ResourceType type) {
            this.registry = registry;
            this.type = type;
        }

        void addName(String name, String parameter) {
            if (addSchema(name)) {
                return;
            }
            AttributePath path;
            try {
                path = AttributePath.parse(name);
            } catch (ScimException malformed) {
                throw ScimException.invalidValue("'" + name + "' in " + parameter
                        + " is not attribute notation such as name.givenName: " + malformed.detail());
            }
            addPath(path);
        }

        void addPath(AttributePath path) {
            if (!path.hasSubAttribute() && path.schemaUrn() != null && addSchema(path.toString())) {
                return;
            }
            registry.resolve(type, path).map(ResolvedAttribute::canonicalPath).ifPresent(paths::add);
        }

        /** A bare schema URN: an extension selects its object, the base schema all of its attributes. */
        private boolean addSchema(String urn) {
            Optional<Schema> extension = registry.extensionSchema(type, urn);
            if (extension.isPresent()) {
                extensions.add(key(extension.get().id()));
                return true;
            }
            if (urn.equalsIgnoreCase(type.schema())) {
                for (AttributeDefinition attribute : registry.baseSchema(type).attributes()) {
                    paths.add(AttributePath.of(attribute.name()));
                }
                return true;
            }
            return false;
        }

        AttributeSelection build() {
            return new AttributeSelection(paths, extensions);
        }
    }
}
