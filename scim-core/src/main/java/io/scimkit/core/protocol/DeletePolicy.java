package io.scimkit.core.protocol;

/**
 * What {@code DELETE} does to a resource (DESIGN.md §4). myPolicies keeps users: Entra's delete
 * then only deactivates them.
 */
public enum DeletePolicy {
    /** Remove the resource; afterwards every request for it answers 404 (RFC 7644 §3.6, P-DEL-02). */
    HARD,
    /**
     * For resource types with an {@code active} attribute, set {@code active=false} and keep the
     * resource: it is still returned by GET and filters. A deliberate, configured departure from
     * P-DEL-02; resource types without {@code active} (Group) are deleted as with {@link #HARD}.
     */
    SOFT
}
