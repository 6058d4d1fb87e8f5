package io.scimkit.jdbc.internal.query;

import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;

/** Which indexed columns a resource type has: Users and Groups have their own, other types only the common ones. */
public enum ResourceKind {
    /** A type whose base schema is the core User schema (RFC 7643 §4.1). */
    USER,
    /** A type whose base schema is the core Group schema (RFC 7643 §4.2). */
    GROUP,
    /** Any other (custom) type: {@code id}, {@code externalId} and {@code meta} times only. */
    OTHER;

    /** The kind of a resource type, by its base schema. */
    public static ResourceKind of(ResourceType type) {
        if (type.schema().equalsIgnoreCase(CoreSchemas.USER_URN)) {
            return USER;
        }
        return type.schema().equalsIgnoreCase(CoreSchemas.GROUP_URN) ? GROUP : OTHER;
    }
}
