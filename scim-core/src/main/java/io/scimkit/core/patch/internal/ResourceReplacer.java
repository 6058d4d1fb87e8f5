package io.scimkit.core.patch.internal;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ScimResource;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.Mutability;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaExtension;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.schema.UnknownAttributePolicy;
import io.scimkit.core.schema.internal.ValueConformer;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.NullValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * PUT: replaces a stored resource with the one a client sent (RFC 7644 §3.5.1), attribute by
 * attribute according to mutability:
 * <ul>
 *   <li>{@code readOnly} values sent by the client ({@code id}, {@code meta}, {@code groups},
 *       {@code manager.displayName}) are ignored and the stored ones kept, so a GET then PUT round trip works;</li>
 *   <li>an {@code immutable} attribute with a stored value must be sent equal or left out, else
 *       400 {@code mutability}; without a stored value it takes the one sent;</li>
 *   <li>{@code readWrite} attributes take the value sent; one left out, {@code null} or
 *       {@code []} is cleared: the RFC lets a server clear or default an omitted attribute, and we
 *       make PUT a true replace;</li>
 *   <li>{@code writeOnly} attributes ({@code password}) take the value sent, and are kept when
 *       left out, since clients never read them back to send them again;</li>
 *   <li>a {@code required} attribute left without value is 400 {@code invalidValue},
 *       and two {@code primary: true} elements too (RFC 7643 §2.4 allows one at most).</li>
 * </ul>
 * Values are conformed with {@link ValueConformer}; members the schemas do not define follow the
 * {@link UnknownAttributePolicy} (REJECT: 400 {@code invalidValue}, IGNORE: dropped).
 * {@code schemas} lists the base schema and the extensions present. Immutable and thread-safe.
 */
public final class ResourceReplacer {
    private static final String SCHEMAS = "schemas";

    private final SchemaRegistry registry;
    private final ResourceType type;
    private final UnknownAttributePolicy unknownAttributes;
    private final ValueConformer conformer;

    private ResourceReplacer(SchemaRegistry registry, ResourceType type, UnknownAttributePolicy unknownAttributes) {
        this.registry = registry;
        this.type = type;
        this.unknownAttributes = unknownAttributes;
        this.conformer = ValueConformer.of(unknownAttributes);
    }

    /** A replacer for resources of the given type. */
    public static ResourceReplacer of(SchemaRegistry registry, ResourceType type,
            UnknownAttributePolicy unknownAttributes) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unknownAttributes, "unknownAttributes");
        registry.baseSchema(type);
        return new ResourceReplacer(registry, type, unknownAttributes);
    }

    /**
     * The resource that results from replacing {@code existing} by {@code incoming}.
     *
     * @throws ScimException {@code mutability}, {@code invalidValue} as described above
     */
    public ScimResource replace(ScimResource existing, ScimResource incoming) {
        ComplexValue stored = existing.body();
        ComplexValue sent = incoming.body();
        rejectUnknown(sent, null);
        ComplexValue.Builder result = ComplexValue.builder();
        List<AttributeDefinition> attributes = new ArrayList<>(CoreSchemas.COMMON_ATTRIBUTES);
        attributes.addAll(registry.baseSchema(type).attributes());
        for (AttributeDefinition attribute : attributes) {
            if (attribute.name().equals(SCHEMAS)) {
                continue;
            }
            put(result, attribute, replace(attribute, stored.getOrNull(attribute.name()), sent.getOrNull(attribute.name())));
        }
        for (SchemaExtension declared : type.schemaExtensions()) {
            Schema extension = registry.schema(declared.schema()).orElseThrow();
            ComplexValue storedObject = BodyAccess.holder(stored, extension.id());
            ComplexValue sentObject = extensionObject(sent, extension);
            ComplexValue.Builder object = ComplexValue.builder();
            for (AttributeDefinition attribute : extension.attributes()) {
                put(object, attribute, replace(attribute,
                        storedObject == null ? null : storedObject.getOrNull(attribute.name()),
                        sentObject.getOrNull(attribute.name())));
            }
            ComplexValue built = object.build();
            if (!built.isEmpty()) {
                result.put(extension.id(), built);
            }
        }
        return ScimResource.of(SchemasSync.sync(result.build(), type));
    }

    private ComplexValue extensionObject(ComplexValue sent, Schema extension) {
        ScimValue value = sent.getOrNull(extension.id());
        if (value == null || value instanceof NullValue) {
            return ComplexValue.EMPTY;
        }
        if (!(value instanceof ComplexValue object)) {
            throw ScimException.invalidValue("'" + extension.id() + "' must be an object of its attributes");
        }
        rejectUnknown(object, extension);
        return object;
    }

    private static void put(ComplexValue.Builder builder, AttributeDefinition attribute, @Nullable ScimValue value) {
        if (value != null) {
            builder.put(attribute.name(), value);
        }
    }

    /** The attribute's value after the PUT, or {@code null} when unassigned. */
    private @Nullable ScimValue replace(AttributeDefinition attribute, @Nullable ScimValue storedValue,
            @Nullable ScimValue sentValue) {
        ScimValue stored = Unassigned.strip(storedValue);
        boolean supplied = sentValue != null;
        ScimValue sent = supplied ? Unassigned.strip(conformer.conform(sentValue, attribute, attribute.name())) : null;
        ScimValue result = switch (attribute.mutability()) {
            case READ_ONLY -> stored;
            case IMMUTABLE -> {
                if (!supplied || stored == null) {
                    yield supplied ? sent : stored;
                }
                if (sent == null || !ElementEquality.equal(attribute, stored, sent)) {
                    throw ScimException.mutability("'" + attribute.name() + "' is immutable and already has a value");
                }
                yield stored;
            }
            case WRITE_ONLY -> supplied ? sent : stored;
            case READ_WRITE -> sent;
        };
        if (attribute.required() && result == null) {
            throw ScimException.invalidValue("'" + attribute.name() + "' is required");
        }
        if (attribute.mutability() == Mutability.READ_WRITE && result != null) {
            result = subAttributes(attribute, stored, result);
        }
        return result;
    }

    /** readOnly and immutable sub-attributes of a single complex value; the primary rule of a multi-valued one. */
    private ScimValue subAttributes(AttributeDefinition attribute, @Nullable ScimValue stored, ScimValue sent) {
        if (attribute.multiValued()) {
            List<ScimValue> elements = new ArrayList<>(Unassigned.elements(sent));
            BitSet all = new BitSet();
            all.set(0, elements.size());
            PrimaryRule.apply(attribute, elements, all);
            return sent;
        }
        if (!(sent instanceof ComplexValue given)) {
            return sent;
        }
        ComplexValue before = stored instanceof ComplexValue complex ? complex : ComplexValue.EMPTY;
        ComplexValue result = given;
        for (AttributeDefinition sub : attribute.subAttributes()) {
            ScimValue was = before.getOrNull(sub.name());
            ScimValue is = given.getOrNull(sub.name());
            if (sub.mutability() == Mutability.READ_ONLY || sub.mutability() == Mutability.IMMUTABLE && is == null) {
                result = was == null ? result.without(sub.name()) : result.with(sub.name(), was);
            } else if (sub.mutability() == Mutability.IMMUTABLE && was != null && !ElementEquality.equal(sub, was, is)) {
                throw ScimException.mutability("'" + attribute.name() + "." + sub.name()
                        + "' is immutable and already has a value");
            }
        }
        return result;
    }

    /** Members that are neither attributes nor declared extension objects. */
    private void rejectUnknown(ComplexValue object, @Nullable Schema extension) {
        if (unknownAttributes != UnknownAttributePolicy.REJECT) {
            return;
        }
        for (Map.Entry<String, ScimValue> member : object.attributes().entrySet()) {
            String key = member.getKey();
            boolean known = extension == null
                    ? registry.extensionSchema(type, key).isPresent() || AttributePath.isAttributeName(key)
                            && registry.resolve(type, AttributePath.of(key)).isPresent()
                    : extension.attribute(key).isPresent();
            if (!known) {
                throw ScimException.invalidValue("'" + key + "' is not an attribute of " + type.name() + " resources");
            }
        }
    }
}
