package io.scimkit.core.patch;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.patch.internal.PatchTarget;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.schema.UnknownAttributePolicy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Resolves PATCH paths and the keys of path-less values against one resource type (RFC 7644
 * §3.5.2, §3.10), keeping the resolution of each path text it has seen (bounded). Unknown names follow the {@link UnknownAttributePolicy}: {@code REJECT} answers
 * 400 {@code invalidPath}, {@code IGNORE} skips the operation. Thread-safe.
 */
final class PathResolver {
    /** What a path names. */
    sealed interface Resolution permits Skip, WholeExtension, Attribute {
    }

    /** An unknown name under {@code IGNORE}: the operation does nothing. */
    record Skip() implements Resolution {
    }

    /** A bare extension URN: the whole extension object (the RFC leaves such a path open; this is our reading). */
    record WholeExtension(Schema extension) implements Resolution {
    }

    /** An attribute, possibly with filter and sub-attribute. */
    record Attribute(PatchTarget target) implements Resolution {
    }

    private final SchemaRegistry registry;
    private final ResourceType type;
    private final PatchSettings settings;
    /** Paths resolved before; bounded, since an engine may serve many requests (see {@link #MAX_KEPT}). */
    private final Map<String, Resolution> resolved = new ConcurrentHashMap<>();

    /** Distinct path texts whose resolution an engine keeps; clients send a few dozen. */
    static final int MAX_KEPT = 512;

    PathResolver(SchemaRegistry registry, ResourceType type, PatchSettings settings) {
        this.registry = registry;
        this.type = type;
        this.settings = settings;
    }

    /**
     * Resolves the {@code path} of an operation.
     *
     * @throws ScimException {@code invalidPath} for a malformed path or (REJECT) an unknown name,
     *     {@code invalidFilter} for a malformed value filter
     */
    Resolution resolve(String path) {
        // Resolving depends on the text, the type, the registry and the settings only; failures throw
        // and are not kept.
        Resolution known = resolved.get(path);
        if (known != null) {
            return known;
        }
        Resolution resolution = resolveText(path);
        if (resolved.size() < MAX_KEPT) {
            resolved.putIfAbsent(path, resolution);
        }
        return resolution;
    }

    private Resolution resolveText(String path) {
        String text = path.strip();
        Optional<Schema> extension = extension(text);
        if (extension.isPresent()) {
            return new WholeExtension(extension.get());
        }
        PatchPath parsed = PatchPath.parse(text, settings.filters());
        Optional<ResolvedAttribute> resolved = registry.resolve(type, parsed.attribute());
        if (resolved.isEmpty()) {
            return unknown("'" + text + "' names no attribute of " + type.name() + " resources");
        }
        AttributeDefinition attribute = resolved.get().attribute();
        AttributeDefinition sub = null;
        String subName = parsed.subAttribute();
        if (subName != null) {
            if (!attribute.isComplex()) {
                throw ScimException.invalidPath("'" + text + "': " + attribute.name() + " has no sub-attributes");
            }
            sub = attribute.subAttribute(subName).orElse(null);
            if (sub == null) {
                return unknown("'" + text + "': " + attribute.name() + " has no sub-attribute '" + subName + "'");
            }
        }
        // RFC 7644 §3.4.2.2 defines value filters on complex attributes, singular ones included;
        // Entra removes a manager with "manager[value eq \"id\"]" (sample 07f).
        if (parsed.valueFilter() != null && !attribute.isComplex()) {
            throw ScimException.invalidPath("'" + text + "': a value filter needs a complex attribute, and "
                    + attribute.name() + " is not complex");
        }
        return new Attribute(new PatchTarget(resolved.get().extensionUrn(), attribute, sub, parsed.valueFilter()));
    }

    /** The extension schema declared by the resource type whose URN equals the text, ignoring case. */
    Optional<Schema> extension(String urn) {
        return registry.extensionSchema(type, urn);
    }

    /**
     * Resolves a key of a path-less value object (RFC 7644 §3.5.2.1), or a key inside an extension
     * object when {@code extension} is given: it must be an attribute name; dotted and URN-qualified
     * keys (Entra quirk Q3, see {@code docs/entra-quirks.md}) are expanded by the lenient dialect before the engine runs.
     *
     * @return the attribute, or {@code null} for an unknown name under {@code IGNORE}
     * @throws ScimException {@code invalidPath} for a key that is not an attribute name, or (REJECT) unknown
     */
    @Nullable PatchTarget member(@Nullable Schema extension, String key) {
        if (!AttributePath.isAttributeName(key)) {
            throw ScimException.invalidPath("'" + key + "' in a path-less PATCH value is not an attribute name"
                    + (extension == null ? " or a schema extension URN" : " of " + extension.id()));
        }
        String urn = extension == null ? null : extension.id();
        Optional<ResolvedAttribute> resolved = registry.resolve(type, new AttributePath(urn, key, null));
        if (resolved.isEmpty()) {
            unknown("'" + key + "' is not an attribute of " + (urn == null ? type.name() + " resources" : urn));
            return null;
        }
        return PatchTarget.whole(resolved.get().extensionUrn(), resolved.get().attribute());
    }

    /** An undeclared schema-extension object in a path-less value: an unknown name too. */
    void unknownExtension(String urn) {
        unknown("'" + urn + "' is not a schema extension of " + type.name() + " resources");
    }

    private Resolution unknown(String detail) {
        if (settings.unknownAttributes() == UnknownAttributePolicy.REJECT) {
            throw ScimException.invalidPath(detail);
        }
        return new Skip();
    }
}
