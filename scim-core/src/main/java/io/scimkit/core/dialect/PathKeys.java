package io.scimkit.core.dialect;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.patch.PatchOperation;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Schema;
import io.scimkit.core.schema.SchemaExtension;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.value.ComplexValue;
import io.scimkit.core.value.ScimValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keys of a path-less PATCH value that are really attribute paths (Entra quirk Q3, see {@code docs/entra-quirks.md}):
 * {@code name.givenName}, {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber},
 * {@code urn:ietf:params:scim:schemas:core:2.0:User:userName}. RFC 7644 §3.5.2.1 only defines
 * attribute names and extension URNs as keys there. A key counts as a path only if it resolves to
 * an attribute of the resource type; others stay where they are, for the engine to judge.
 */
final class PathKeys {
    private final SchemaRegistry registry;
    private final ResourceType type;
    private final boolean qualifyExtensionAttributes;

    /**
     * @param qualifyExtensionAttributes whether an unqualified key that names an attribute of one
     *     of the type's extensions only (Entra's {@code manager}) counts as a path key
     */
    PathKeys(SchemaRegistry registry, ResourceType type, boolean qualifyExtensionAttributes) {
        this.registry = registry;
        this.type = type;
        this.qualifyExtensionAttributes = qualifyExtensionAttributes;
    }

    /**
     * The extension schema that alone defines this unqualified attribute name, when neither the
     * common attributes nor the base schema do: {@code manager} or {@code department} for a User
     * with the enterprise extension. Empty if the name is core, unknown, or in several extensions.
     */
    static Optional<Schema> onlyExtensionDefining(SchemaRegistry registry, ResourceType type, String name) {
        if (!AttributePath.isAttributeName(name) || registry.resolve(type, AttributePath.of(name)).isPresent()) {
            return Optional.empty();
        }
        Schema found = null;
        for (SchemaExtension extension : type.schemaExtensions()) {
            Optional<Schema> schema = registry.schema(extension.schema());
            if (schema.isPresent() && schema.get().attribute(name).isPresent()) {
                if (found != null) {
                    return Optional.empty();
                }
                found = schema.get();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Q9/Q12: a PATCH path whose attribute is unqualified but lives in one extension only, with
     * that extension's URN put in front: {@code manager} gives
     * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager}; the rest of the
     * path ({@code .value}, {@code [filter]}) is kept.
     */
    Optional<String> qualified(String path) {
        int end = 0;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
            end++;
        }
        String name = path.substring(0, end);
        return onlyExtensionDefining(registry, type, name).map(schema -> schema.id() + ':' + path);
    }

    /** Whether any key of the value is a path. */
    boolean hasPathKey(ComplexValue value) {
        for (String key : value.attributes().keySet()) {
            if (isPathKey(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The operation split in key order: each path key becomes an operation with that path and its
     * value; runs of the other keys stay together in operations without path. Applying the result
     * in order has the effect the client meant, since every key names a different attribute.
     */
    List<PatchOperation> expand(PatchOperation op, ComplexValue value) {
        List<PatchOperation> expanded = new ArrayList<>();
        ComplexValue.Builder plain = ComplexValue.builder();
        boolean pending = false;
        for (Map.Entry<String, ScimValue> member : value.attributes().entrySet()) {
            if (isPathKey(member.getKey())) {
                if (pending) {
                    expanded.add(new PatchOperation(op.op(), null, plain.build()));
                    plain = ComplexValue.builder();
                    pending = false;
                }
                expanded.add(new PatchOperation(op.op(), member.getKey(), member.getValue()));
            } else {
                plain.put(member.getKey(), member.getValue());
                pending = true;
            }
        }
        if (pending) {
            expanded.add(new PatchOperation(op.op(), null, plain.build()));
        }
        return expanded;
    }

    /**
     * Q24: the text with the dot after a leading extension URN replaced by a colon, if it has one:
     * {@code urn:…:enterprise:2.0:User.manager} gives {@code urn:…:enterprise:2.0:User:manager}.
     */
    Optional<String> extensionDotSeparatorFixed(String text) {
        for (SchemaExtension extension : type.schemaExtensions()) {
            String urn = extension.schema();
            if (text.length() > urn.length() + 1 && text.regionMatches(true, 0, urn, 0, urn.length())
                    && text.charAt(urn.length()) == '.') {
                return Optional.of(text.substring(0, urn.length()) + ':' + text.substring(urn.length() + 1));
            }
        }
        return Optional.empty();
    }

    private boolean isPathKey(String key) {
        if (key.indexOf('.') < 0 && key.indexOf(':') < 0) {
            return qualifyExtensionAttributes && onlyExtensionDefining(registry, type, key).isPresent();
        }
        if (registry.extensionSchema(type, key).isPresent()) {
            return false;
        }
        String path = extensionDotSeparatorFixed(key).or(() -> qualified(key)).orElse(key);
        try {
            return registry.resolve(type, AttributePath.parse(path)).isPresent();
        } catch (ScimException notAPath) {
            return false;
        }
    }
}
