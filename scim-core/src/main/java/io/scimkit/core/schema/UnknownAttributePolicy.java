package io.scimkit.core.schema;

/**
 * What to do with an attribute a client sends that the resource type's schemas do not define. One
 * policy applies alike to POST, PUT and PATCH, so a client never sees an attribute accepted by one
 * method and refused by another.
 */
public enum UnknownAttributePolicy {
    /** Drop the attribute silently; what most identity providers expect (the default). */
    IGNORE,
    /** Refuse the request with 400 {@code invalidPath} (PATCH paths) or {@code invalidValue} (bodies). */
    REJECT
}
