package io.scimkit.core.patch.internal;

import io.scimkit.core.filter.Filter;
import io.scimkit.core.path.AttributePath;
import io.scimkit.core.schema.AttributeDefinition;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a PATCH path (RFC 7644 §3.5.2) names once resolved against the resource type: the
 * attribute, where it lives (the base body or an extension object, RFC 7643 §3.3), the optional
 * value filter selecting elements and the optional sub-attribute.
 *
 * @param extensionUrn the canonical URN of the extension holding the attribute, or {@code null}
 * @param attribute the top-level attribute
 * @param subAttribute the sub-attribute targeted, or {@code null}
 * @param filter the value filter of a multi-valued attribute, or {@code null}
 * @param display the target as the client can read it in an error detail, e.g. {@code emails.value};
 *     built once, since every operation on the target passes it on
 */
public record PatchTarget(@Nullable String extensionUrn, AttributeDefinition attribute,
        @Nullable AttributeDefinition subAttribute, @Nullable Filter filter, String display) {

    public PatchTarget {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(display, "display");
    }

    /** A target whose {@link #display} is its attribute name, followed by the sub-attribute's after a dot. */
    public PatchTarget(@Nullable String extensionUrn, AttributeDefinition attribute,
            @Nullable AttributeDefinition subAttribute, @Nullable Filter filter) {
        this(extensionUrn, attribute, subAttribute, filter, subAttribute == null
                ? attribute.name() : attribute.name() + "." + subAttribute.name());
    }

    /** A target naming a whole attribute, as a key of a path-less value does. */
    public static PatchTarget whole(@Nullable String extensionUrn, AttributeDefinition attribute) {
        return new PatchTarget(extensionUrn, attribute, null, null);
    }

    /** The canonical top-level path, extension attributes qualified by their URN. */
    public AttributePath topLevelPath() {
        return new AttributePath(extensionUrn, attribute.name(), null);
    }

    /** Whether this is the common {@code schemas} attribute, which the engine keeps itself. */
    public boolean isSchemas() {
        return extensionUrn == null && attribute.name().equals("schemas");
    }

}
