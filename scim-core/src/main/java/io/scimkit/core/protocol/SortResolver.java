package io.scimkit.core.protocol;

import io.scimkit.core.error.ScimException;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.AttributeDefinition;
import io.scimkit.core.schema.Mutability;
import io.scimkit.core.schema.ResolvedAttribute;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.Returned;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.Sort;
import io.scimkit.core.store.SortOrder;
import java.util.Optional;

/**
 * Resolves {@code sortBy} (RFC 7644 §3.4.2.3) against a resource type's schema. The RFC does not
 * say what to answer for a name it cannot sort by; we answer 400 {@code invalidValue} for a name
 * that is not attribute notation (RFC 7644 §3.10), that the type does not define, that names a
 * complex attribute without one of its sub-attributes (which RFC 7644 §3.4.2.3 requires, e.g.
 * {@code name.givenName} rather than {@code name}), or that is never returned (sorting by
 * {@code password} would leak its order).
 */
final class SortResolver {
    private final SchemaRegistry registry;

    SortResolver(SchemaRegistry registry) {
        this.registry = registry;
    }

    /**
     * The sort for a typed endpoint.
     *
     * @throws ScimException 400 {@code invalidValue} as described above
     */
    Sort resolve(ResourceType type, String sortBy, SortOrder order) {
        return resolveIfDefined(type, sortBy, order).orElseThrow(() -> ScimException.invalidValue(
                "sortBy names an attribute that " + type.name() + " resources do not have: '" + shown(sortBy) + "'"));
    }

    /**
     * The sort for one type of a query across all types (RFC 7644 §3.4.2.1): empty when the type
     * does not define the attribute, whose resources then have no value for it.
     *
     * @throws ScimException 400 {@code invalidValue} if the name is not attribute notation or names
     *     a complex or never-returned attribute
     */
    Optional<Sort> resolveIfDefined(ResourceType type, String sortBy, SortOrder order) {
        AttributePath path;
        try {
            path = AttributePath.parse(sortBy);
        } catch (ScimException notAPath) {
            throw ScimException.invalidValue("sortBy is not an attribute path: '" + shown(sortBy) + "'");
        }
        Optional<ResolvedAttribute> resolved = registry.resolve(type, path);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        AttributeDefinition leaf = resolved.get().leaf();
        if (leaf.isComplex()) {
            throw ScimException.invalidValue("sortBy '" + shown(sortBy)
                    + "' names a complex attribute; name one of its sub-attributes (RFC 7644 §3.4.2.3)");
        }
        if (leaf.returned() == Returned.NEVER || leaf.mutability() == Mutability.WRITE_ONLY
                || resolved.get().attribute().returned() == Returned.NEVER) {
            throw ScimException.invalidValue("sortBy '" + shown(sortBy) + "' names an attribute never returned");
        }
        return Optional.of(new Sort(resolved.get(), order));
    }

    private static String shown(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
