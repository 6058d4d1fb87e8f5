package io.scimkit.core.resource;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.Mutability;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Returned;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The attributes a response returns for one resource type: the {@code attributes} or
 * {@code excludedAttributes} request parameter (RFC 7644 §3.4.2.5, §3.9) combined with each
 * attribute's {@code returned} characteristic (RFC 7643 §7).
 *
 * <ul>
 *   <li>{@code always} attributes ({@code id}) are always returned, whatever the parameters say;
 *       {@code schemas} is treated the same way (the RFC examples disagree on whether it survives
 *       {@code attributes}; clients read it, so we keep it) and returned exactly as stored, so an extension URN stays in it even when its object was projected away.
 *   <li>{@code never} attributes and {@code writeOnly} ones ({@code password}) are never returned,
 *       even when named.
 *   <li>{@code default} attributes are returned unless {@code attributes} is given without naming
 *       them or {@code excludedAttributes} names them.
 *   <li>{@code request} attributes are returned when {@code attributes} names them, or, in the
 *       response to POST, PUT or PATCH, when the request supplied or modified them.
 * </ul>
 *
 * <p>Names are attribute notation (RFC 7644 §3.10): case-insensitive, optionally prefixed with a schema
 * URN, optionally naming a sub-attribute ({@code name.givenName} returns only that part of
 * {@code name}). A bare extension URN names the whole extension object; the bare base
 * schema URN names all of its attributes. Extension objects are projected member by member and left
 * out when nothing remains.
 *
 * <p>Decisions the RFCs leave open:
 * <ul>
 *   <li>both parameters at once (RFC 7644 §3.9 calls them mutually exclusive): 400 {@code invalidValue};
 *   <li>a well-formed name this resource type does not define is ignored in both parameters: it
 *       selects or removes nothing. Clients send names of extensions a server does not have, and
 *       failing a whole GET for them helps no one; a name that is not attribute notation at all is
 *       a client bug and gets 400 {@code invalidValue};
 *   <li>an empty parameter ({@code attributes=}) counts as not given;
 *   <li>a sub-attribute is returned with its parent only: an {@code always} sub-attribute does not
 *       bring back a parent that the parameters removed; naming an attribute as a whole names its
 *       {@code request} sub-attributes too;
 *   <li>members the schemas do not define count as {@code returned: default}; no name selects
 *       them, so {@code attributes} removes them.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class Projection {
    private enum Mode { DEFAULT, INCLUDE, EXCLUDE }

    /** How much of an attribute a response holds. */
    private enum Inclusion { NONE, WHOLE, NAMED_PARTS }

    private final SchemaRegistry registry;
    private final ResourceType type;
    private final Mode mode;
    private final AttributeSelection selection;

    private Projection(SchemaRegistry registry, ResourceType type, Mode mode, AttributeSelection selection) {
        this.registry = registry;
        this.type = type;
        this.mode = mode;
        this.selection = selection;
    }

    /** The projection for a request without either parameter: every {@code default} attribute. */
    public static Projection none(SchemaRegistry registry, ResourceType type) {
        return new Projection(Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(type, "type"),
                Mode.DEFAULT, AttributeSelection.EMPTY);
    }

    /**
     * The projection for the URL query parameters, each a comma-separated list of names or
     * {@code null} when absent (RFC 7644 §3.9).
     *
     * @throws ScimException {@code invalidValue} if both are given or a name is not attribute
     *     notation
     */
    public static Projection of(SchemaRegistry registry, ResourceType type, @Nullable String attributes,
            @Nullable String excludedAttributes) {
        return of(registry, type, attributes == null ? List.of() : List.of(attributes),
                excludedAttributes == null ? List.of() : List.of(excludedAttributes));
    }

    /**
     * The projection for the {@code attributes} and {@code excludedAttributes} arrays of a
     * SearchRequest (RFC 7644 §3.4.3); an absent member is an empty list.
     *
     * @throws ScimException {@code invalidValue} if both are given or a name is not attribute
     *     notation
     */
    public static Projection of(SchemaRegistry registry, ResourceType type, Collection<String> attributes,
            Collection<String> excludedAttributes) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(type, "type");
        boolean including = hasName(attributes);
        boolean excluding = hasName(excludedAttributes);
        if (including && excluding) {
            throw ScimException.invalidValue(
                    "attributes and excludedAttributes are mutually exclusive (RFC 7644 §3.9); send only one");
        }
        if (including) {
            return new Projection(registry, type, Mode.INCLUDE,
                    AttributeSelection.parse(registry, type, attributes, "attributes"));
        }
        if (excluding) {
            return new Projection(registry, type, Mode.EXCLUDE,
                    AttributeSelection.parse(registry, type, excludedAttributes, "excludedAttributes"));
        }
        return none(registry, type);
    }

    /** The resource type this projection was built for. */
    public ResourceType resourceType() {
        return type;
    }

    /**
     * The projected copy of a resource of this projection's type.
     *
     * @param requestModified the attributes the POST, PUT or PATCH request supplied or modified, in
     *     attribute notation; they bring back {@code returned: request} attributes (RFC 7643 §7). Empty
     *     for queries.
     */
    public ScimResource apply(ScimResource resource, Set<AttributePath> requestModified) {
        AttributeSelection modified = AttributeSelection.of(registry, type, requestModified);
        Schema base = registry.baseSchema(type);
        // Nothing is copied while every member is kept as it is: then the resource itself is the
        // answer, which spares rebuilding its whole value tree on every response.
        Kept projected = new Kept(resource.body());
        for (Map.Entry<String, ScimValue> member : resource.body().attributes().entrySet()) {
            String name = member.getKey();
            ScimValue value = member.getValue();
            if (name.equalsIgnoreCase("schemas")) {
                projected.same(name, value);
                continue;
            }
            Optional<Schema> extension = registry.extensionSchema(type, name);
            if (extension.isPresent()) {
                if (value instanceof ComplexValue object) {
                    ComplexValue inner = projectObject(object, extension.get().id(), extension.get()::attribute, modified);
                    if (inner == object && !inner.isEmpty()) {
                        projected.same(name, value);
                    } else {
                        projected.changed(name, inner.isEmpty() ? null : inner);
                    }
                } else {
                    projected.changed(name, null);
                }
                continue;
            }
            AttributeDefinition definition = topLevel(base, name);
            if (definition == null) {
                if (mode != Mode.INCLUDE) {
                    projected.same(name, value);
                } else {
                    projected.changed(name, null);
                }
                continue;
            }
            ScimValue kept = project(null, definition, value, modified);
            projected.keep(name, value, kept);
        }
        ComplexValue body = projected.result();
        return body == resource.body() ? resource : ScimResource.of(body);
    }

    /**
     * Whether a response under this projection can hold any part of the attribute, ignoring
     * {@code request} attributes a write supplied. A store uses it to skip loading what is not
     * returned, e.g. the members of a group under {@code excludedAttributes=members}. A bare
     * extension URN asks about the whole extension object; a name the type does not define is
     * never included.
     */
    public boolean includes(AttributePath path) {
        Optional<Schema> extension = path.hasSubAttribute() || path.schemaUrn() == null
                ? Optional.empty()
                : registry.extensionSchema(type, path.toString());
        if (extension.isPresent()) {
            String urn = extension.get().id();
            return extension.get().attributes().stream()
                    .anyMatch(attribute -> inclusion(urn, attribute, AttributeSelection.EMPTY) != Inclusion.NONE);
        }
        return registry.resolve(type, path).map(resolved -> {
            Inclusion parent = inclusion(resolved.extensionUrn(), resolved.attribute(), AttributeSelection.EMPTY);
            AttributeDefinition sub = resolved.subAttribute();
            return sub == null
                    ? parent != Inclusion.NONE
                    : includesSub(parent, resolved.extensionUrn(), resolved.attribute(), sub, AttributeSelection.EMPTY);
        }).orElse(false);
    }

    private static @Nullable AttributeDefinition topLevel(Schema base, String name) {
        Optional<AttributeDefinition> common = CoreSchemas.commonAttribute(name);
        return (common.isPresent() ? common : base.attribute(name)).orElse(null);
    }

    private ComplexValue projectObject(ComplexValue object, String urn,
            Function<String, Optional<AttributeDefinition>> definitions, AttributeSelection modified) {
        Kept projected = new Kept(object);
        for (Map.Entry<String, ScimValue> member : object.attributes().entrySet()) {
            AttributeDefinition definition = definitions.apply(member.getKey()).orElse(null);
            ScimValue kept = definition == null
                    ? (mode == Mode.INCLUDE ? null : member.getValue())
                    : project(urn, definition, member.getValue(), modified);
            projected.keep(member.getKey(), member.getValue(), kept);
        }
        return projected.result();
    }

    private @Nullable ScimValue project(@Nullable String urn, AttributeDefinition definition, ScimValue value,
            AttributeSelection modified) {
        Inclusion inclusion = inclusion(urn, definition, modified);
        if (inclusion == Inclusion.NONE) {
            return null;
        }
        if (!definition.isComplex()) {
            return value;
        }
        if (value instanceof ComplexValue complex) {
            ComplexValue kept = projectSubAttributes(inclusion, urn, definition, complex, modified);
            return kept.isEmpty() ? null : kept;
        }
        if (value instanceof MultiValue multi) {
            List<ScimValue> elements = new ArrayList<>(multi.size());
            boolean unchanged = true;
            for (ScimValue element : multi.values()) {
                if (element instanceof ComplexValue complex) {
                    ComplexValue kept = projectSubAttributes(inclusion, urn, definition, complex, modified);
                    if (!kept.isEmpty()) {
                        elements.add(kept);
                    }
                    unchanged &= kept == complex && !kept.isEmpty();
                } else {
                    elements.add(element);
                }
            }
            if (unchanged) {
                return multi; // every element kept as it is
            }
            return elements.isEmpty() && !multi.values().isEmpty() ? null : MultiValue.of(elements);
        }
        return value;
    }

    private ComplexValue projectSubAttributes(Inclusion parent, @Nullable String urn, AttributeDefinition definition,
            ComplexValue complex, AttributeSelection modified) {
        Kept kept = new Kept(complex);
        for (Map.Entry<String, ScimValue> member : complex.attributes().entrySet()) {
            Optional<AttributeDefinition> sub = definition.subAttribute(member.getKey());
            boolean include = sub.isPresent()
                    ? includesSub(parent, urn, definition, sub.get(), modified)
                    : parent == Inclusion.WHOLE;
            if (include) {
                kept.same(member.getKey(), member.getValue());
            } else {
                kept.changed(member.getKey(), null);
            }
        }
        return kept.result();
    }

    /**
     * The members a projection keeps of one complex value, in its order. Copies nothing while every
     * member so far is kept as it is; at the first change, the members kept before it are copied into
     * a builder, so the result is what putting every kept member into a builder gives.
     */
    private static final class Kept {
        private final ComplexValue source;
        private ComplexValue.@Nullable Builder builder;
        /** While {@link #builder} is null: how many members of the source were kept as they are. */
        private int unchanged;

        Kept(ComplexValue source) {
            this.source = source;
        }

        /** The member is kept as it is. */
        void same(String name, ScimValue value) {
            if (builder == null) {
                unchanged++;
            } else {
                builder.put(name, value);
            }
        }

        /** The member is replaced by another value, or dropped when {@code replacement} is null. */
        void changed(String name, @Nullable ScimValue replacement) {
            ComplexValue.Builder started = start();
            if (replacement != null) {
                started.put(name, replacement);
            }
        }

        /** The member is kept as {@code kept}: the same value, another one, or nothing (null). */
        void keep(String name, ScimValue value, @Nullable ScimValue kept) {
            if (kept == value) {
                same(name, value);
            } else {
                changed(name, kept);
            }
        }

        /** The projected value: the source itself when nothing changed and it needs no merging. */
        ComplexValue result() {
            if (builder == null) {
                if (!hasCaseVariants(source)) {
                    return source;
                }
                start();
            }
            return builder.build();
        }

        private ComplexValue.Builder start() {
            if (builder == null) {
                ComplexValue.Builder copy = ComplexValue.builder();
                int copied = 0;
                for (Map.Entry<String, ScimValue> member : source.attributes().entrySet()) {
                    if (copied++ == unchanged) {
                        break;
                    }
                    copy.put(member.getKey(), member.getValue());
                }
                builder = copy;
            }
            return builder;
        }
    }

    /**
     * Whether two member names differ only in case. The builder merges such members, so a value
     * holding them is rebuilt even when nothing is projected away (the result must not depend on
     * whether anything was dropped).
     */
    private static boolean hasCaseVariants(ComplexValue value) {
        Map<String, ScimValue> attributes = value.attributes();
        if (attributes.size() < 2) {
            return false;
        }
        String[] names = attributes.keySet().toArray(new String[0]);
        for (int i = 0; i < names.length; i++) {
            for (int j = i + 1; j < names.length; j++) {
                if (names[i].length() == names[j].length() && names[i].equalsIgnoreCase(names[j])) {
                    return true;
                }
            }
        }
        return false;
    }

    private Inclusion inclusion(@Nullable String urn, AttributeDefinition definition, AttributeSelection modified) {
        if (isHidden(definition)) {
            return Inclusion.NONE;
        }
        if (definition.returned() == Returned.ALWAYS) {
            return Inclusion.WHOLE;
        }
        String name = definition.name();
        boolean isRequest = definition.returned() == Returned.REQUEST;
        return switch (mode) {
            case DEFAULT -> !isRequest || modified.touches(urn, name) ? Inclusion.WHOLE : Inclusion.NONE;
            case INCLUDE -> selection.selectsWhole(urn, name)
                    ? Inclusion.WHOLE
                    : selection.touches(urn, name) ? Inclusion.NAMED_PARTS : Inclusion.NONE;
            case EXCLUDE -> selection.selectsWhole(urn, name) || isRequest && !modified.touches(urn, name)
                    ? Inclusion.NONE
                    : Inclusion.WHOLE;
        };
    }

    private boolean includesSub(Inclusion parent, @Nullable String urn, AttributeDefinition attribute,
            AttributeDefinition sub, AttributeSelection modified) {
        if (parent == Inclusion.NONE || isHidden(sub)) {
            return false;
        }
        String name = attribute.name();
        if (sub.returned() == Returned.ALWAYS) {
            return true;
        }
        if (parent == Inclusion.NAMED_PARTS) {
            return selection.selectsSub(urn, name, sub.name());
        }
        if (mode == Mode.EXCLUDE && selection.selectsSub(urn, name, sub.name())) {
            return false;
        }
        // Naming the parent in attributes names its request sub-attributes too.
        return sub.returned() != Returned.REQUEST || mode == Mode.INCLUDE
                || modified.selectsWhole(urn, name) || modified.selectsSub(urn, name, sub.name());
    }

    private static boolean isHidden(AttributeDefinition definition) {
        return definition.returned() == Returned.NEVER || definition.mutability() == Mutability.WRITE_ONLY;
    }

    private static boolean hasName(Collection<String> parameter) {
        for (String element : parameter) {
            if (!element.replace(',', ' ').isBlank()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Projection[" + type.name() + " " + mode + " " + selection + "]";
    }
}
