package io.scimkit.core.resource;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.resource.ValidationProblems.Kind;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaExtension;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.MultiValue;
import io.scimkit.core.value.ReferenceValue;
import io.scimkit.core.value.ScimValue;
import io.scimkit.core.value.StringValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks a resource against its resource type's schemas (RFC 7643 §2-§4, §6-§7) and returns it
 * cleaned, or throws the most important problem as a 400 {@link ScimException}.
 *
 * <p>Every problem is collected first; the error's scimType comes from the most important one and
 * its detail names the first few, in this order: {@code schemas} missing or malformed
 * ({@code invalidSyntax}); an unknown or undeclared schema URN or a missing base schema
 * ({@code invalidValue}; RFC 7643 §3 names no scimType for either, these are our choices); an
 * unknown attribute under {@code UnknownAttributePolicy.REJECT}; a value of the wrong type
 * (RFC 7643 §2.3); two {@code primary} values (RFC 7643 §2.4); a non-canonical value under
 * {@code CanonicalValuePolicy.REJECT}; a missing required attribute, sub-attribute or extension
 * (RFC 7643 §4, §6, §7, including Group {@code displayName}, and the deployment's
 * {@link ValidationSettings#requiredAttributes()}). All but the first are {@code invalidValue}
 * (RFC 7644 §3.12). Mutability against a stored resource (immutable values, RFC 7644 §3.5.1) is the
 * PUT and PATCH logic's business, not this class's.
 *
 * <p>What the result differs in, besides values brought to their declared types and names to
 * canonical spelling: unassigned values ({@code null}, {@code []}, and empty strings, whose status the RFC leaves open) are
 * removed; attributes the schemas do not define are removed under
 * {@code UnknownAttributePolicy.IGNORE}; duplicate URIs in {@code schemas} are removed and an
 * extension whose object is present but whose URN is missing from {@code schemas} gets its URN
 * added, since the object's key names the extension beyond doubt (RFC 7643 §3.3 asks clients to
 * list it, and refusing an unambiguous body helps no one). On create, {@code readOnly} attributes
 * and sub-attributes ({@code id}, {@code meta}, {@code groups}, {@code manager.displayName}) are
 * removed as RFC 7644 §3.3 says they are ignored.
 *
 * <p>The validator follows the RFC: client quirks such as Entra's {@code "True"} or its Microsoft
 * group URI in {@code schemas} are normalised by the dialect layer before it runs. A resource it
 * returns validates again unchanged. Immutable and thread-safe.
 */
public final class ResourceValidator {
    private final SchemaRegistry registry;
    private final ValidationSettings settings;

    private ResourceValidator(SchemaRegistry registry, ValidationSettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    /**
     * A validator for the registry's resource types.
     *
     * @throws IllegalArgumentException if a required attribute of the settings names nothing any
     *     registered resource type has (a typo in deployment configuration)
     */
    public static ResourceValidator of(SchemaRegistry registry, ValidationSettings settings) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(settings, "settings");
        for (AttributePath path : settings.requiredAttributes()) {
            boolean known = registry.resourceTypes().stream().anyMatch(type -> registry.resolve(type, path).isPresent());
            if (!known) {
                throw new IllegalArgumentException("required attribute " + path + " is not defined by any resource type");
            }
        }
        return new ResourceValidator(registry, settings);
    }

    /** The settings this validator applies. */
    public ValidationSettings settings() {
        return settings;
    }

    /**
     * Validates the body of a POST (RFC 7644 §3.3) and returns it cleaned, without the
     * {@code readOnly} attributes a client sent.
     *
     * @throws ScimException 400 {@code invalidSyntax} or {@code invalidValue}, see the class comment
     */
    public ScimResource validateForCreate(ScimResource incoming, ResourceType type) {
        return validate(incoming, type, true);
    }

    /**
     * Validates a resource as it is about to be stored after PUT or PATCH (RFC 7644 §3.5): the same
     * checks as on create, but {@code readOnly} values (kept from the stored resource by the caller)
     * stay.
     *
     * @throws ScimException 400 {@code invalidSyntax} or {@code invalidValue}, see the class comment
     */
    public ScimResource validateStored(ScimResource result, ResourceType type) {
        return validate(result, type, false);
    }

    private ScimResource validate(ScimResource resource, ResourceType type, boolean create) {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(type, "type");
        ValidationProblems problems = new ValidationProblems();
        AttributeCleaner cleaner = new AttributeCleaner(settings, create, problems);
        Map<String, String> schemas = schemas(resource.body().getOrNull("schemas"), type, problems);
        ComplexValue.Builder cleaned = ComplexValue.builder();
        for (Map.Entry<String, ScimValue> member : resource.body().attributes().entrySet()) {
            String name = member.getKey();
            ScimValue value = member.getValue();
            if (name.equalsIgnoreCase("schemas")) {
                // Holds the position; the checked list replaces it below.
                cleaned.put("schemas", MultiValue.EMPTY);
                continue;
            }
            Optional<Schema> extension = registry.extensionSchema(type, name);
            if (extension.isPresent()) {
                ComplexValue object = extensionObject(extension.get(), value, cleaner, problems);
                if (object != null) {
                    cleaned.put(extension.get().id(), object);
                    schemas.putIfAbsent(key(extension.get().id()), extension.get().id());
                }
                continue;
            }
            AttributeDefinition definition = topLevel(type, name).orElse(null);
            if (definition == null) {
                cleaner.unknown(name, "resource type " + type.name());
                continue;
            }
            ScimValue kept = cleaner.clean(definition, value, definition.name());
            if (kept != null) {
                cleaned.put(definition.name(), kept);
            }
        }
        List<ScimValue> uris = new ArrayList<>();
        schemas.values().forEach(uri -> uris.add(ReferenceValue.of(uri)));
        cleaned.put("schemas", MultiValue.of(uris));
        ComplexValue body = cleaned.build();
        requireAttributes(body, type, cleaner, problems);
        problems.throwIfAny();
        return ScimResource.of(body);
    }

    /**
     * Checks {@code schemas} (RFC 7643 §3) and returns its URIs in registered
     * spelling, without duplicates, keyed by their lower-case form.
     */
    private Map<String, String> schemas(@Nullable ScimValue value, ResourceType type, ValidationProblems problems) {
        Map<String, String> uris = new LinkedHashMap<>();
        if (value == null || AttributeCleaner.isUnassigned(value)) {
            problems.add(Kind.SYNTAX, "The resource has no 'schemas'; it must list " + type.schema()
                    + " (RFC 7643 §3)");
            return uris;
        }
        List<ScimValue> elements = value instanceof MultiValue multi ? multi.values() : List.of(value);
        for (ScimValue element : elements) {
            String uri = element instanceof ReferenceValue reference ? reference.uri()
                    : element instanceof StringValue string ? string.value() : null;
            if (uri == null) {
                problems.add(Kind.SYNTAX, "'schemas' must be an array of schema URI strings");
                continue;
            }
            if (uri.equalsIgnoreCase(type.schema())) {
                uris.putIfAbsent(key(uri), type.schema());
            } else if (type.extension(uri).isPresent()) {
                uris.putIfAbsent(key(uri), type.extension(uri).get().schema());
            } else if (registry.schema(uri).isPresent()) {
                problems.add(Kind.SCHEMAS, "'schemas' lists " + uri + ", which resource type " + type.name()
                        + " does not use");
            } else {
                problems.add(Kind.SCHEMAS, "'schemas' lists " + uri + ", which is not a schema of this service provider");
            }
        }
        if (!uris.containsKey(key(type.schema()))) {
            problems.add(Kind.SCHEMAS, "'schemas' must list the base schema " + type.schema()
                    + " of resource type " + type.name());
        }
        return uris;
    }

    private @Nullable ComplexValue extensionObject(Schema extension, ScimValue value, AttributeCleaner cleaner,
            ValidationProblems problems) {
        if (AttributeCleaner.isUnassigned(value)) {
            return null;
        }
        String urn = extension.id();
        if (!(value instanceof ComplexValue object)) {
            problems.addFor(urn, Kind.TYPE, "'" + urn + "' must be a JSON object holding the extension's attributes");
            return null;
        }
        ComplexValue.Builder cleaned = ComplexValue.builder();
        for (Map.Entry<String, ScimValue> member : object.attributes().entrySet()) {
            AttributeDefinition definition = extension.attribute(member.getKey()).orElse(null);
            if (definition == null) {
                cleaner.unknown(urn + ":" + member.getKey(), "the extension " + urn);
                continue;
            }
            ScimValue kept = cleaner.clean(definition, member.getValue(), urn + ":" + definition.name());
            if (kept != null) {
                cleaned.put(definition.name(), kept);
            }
        }
        ComplexValue result = cleaned.build();
        return result.isEmpty() ? null : result;
    }

    /** Schema-required attributes, required extensions, and the deployment's required attributes. */
    private void requireAttributes(ComplexValue body, ResourceType type, AttributeCleaner cleaner,
            ValidationProblems problems) {
        for (AttributeDefinition attribute : registry.baseSchema(type).attributes()) {
            requireSchemaAttribute(body, null, attribute, cleaner, problems);
        }
        for (SchemaExtension declared : type.schemaExtensions()) {
            Schema extension = registry.schema(declared.schema()).orElseThrow();
            ScimValue object = body.getOrNull(extension.id());
            if (object instanceof ComplexValue complex) {
                for (AttributeDefinition attribute : extension.attributes()) {
                    requireSchemaAttribute(complex, extension.id(), attribute, cleaner, problems);
                }
            } else if (declared.required() && !problems.failed(extension.id())) {
                problems.add(Kind.REQUIRED, "resource type " + type.name() + " requires the extension "
                        + extension.id() + " (RFC 7643 §6)");
            }
        }
        for (AttributePath path : settings.requiredAttributes()) {
            registry.resolve(type, path).ifPresent(resolved -> requireConfigured(body, resolved, cleaner, problems));
        }
    }

    private static void requireSchemaAttribute(ComplexValue holder, @Nullable String urn, AttributeDefinition attribute,
            AttributeCleaner cleaner, ValidationProblems problems) {
        String name = urn == null ? attribute.name() : urn + ":" + attribute.name();
        if (attribute.required() && cleaner.mustBePresent(attribute) && holder.getOrNull(attribute.name()) == null
                && !problems.failed(name)) {
            problems.add(Kind.REQUIRED, "'" + name + "' is required and must not be empty");
        }
    }

    private void requireConfigured(ComplexValue body, ResolvedAttribute resolved, AttributeCleaner cleaner,
            ValidationProblems problems) {
        AttributeDefinition attribute = resolved.attribute();
        String urn = resolved.extensionUrn();
        String name = urn == null ? attribute.name() : urn + ":" + attribute.name();
        if (!cleaner.mustBePresent(attribute) || problems.failed(name)) {
            return;
        }
        ScimValue holder = urn == null ? body : body.getOrNull(urn);
        ScimValue value = holder instanceof ComplexValue complex ? complex.getOrNull(attribute.name()) : null;
        if (value == null) {
            problems.add(Kind.REQUIRED, "'" + name + "' is required by this service provider and must not be empty");
            return;
        }
        AttributeDefinition sub = resolved.subAttribute();
        if (sub == null || !cleaner.mustBePresent(sub) || problems.failed(name + "." + sub.name())) {
            return;
        }
        List<ScimValue> values = value instanceof MultiValue multi ? multi.values() : List.of(value);
        for (ScimValue element : values) {
            if (element instanceof ComplexValue complex && complex.getOrNull(sub.name()) == null) {
                problems.add(Kind.REQUIRED, "'" + name + "." + sub.name()
                        + "' is required by this service provider in every value of '" + name + "'");
                return;
            }
        }
    }

    private Optional<AttributeDefinition> topLevel(ResourceType type, String name) {
        Optional<AttributeDefinition> common = CoreSchemas.commonAttribute(name);
        return common.isPresent() ? common : registry.baseSchema(type).attribute(name);
    }

    private static String key(String uri) {
        return uri.toLowerCase(Locale.ROOT);
    }
}
