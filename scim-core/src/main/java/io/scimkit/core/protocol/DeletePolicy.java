package io.scimkit.core.protocol;

/**
 * What {@code DELETE} does to a resource (RFC 7644 §3.6). An application that must keep its users
 * chooses {@link #SOFT}: a client's delete then only deactivates them.
 */
public enum DeletePolicy {
    /** Remove the resource; afterwards every request for it answers 404 (RFC 7644 §3.6). */
    HARD,
    /**
     * For resource types with an {@code active} attribute, set {@code active=false} and keep the
     * resource: it is still returned by GET and filters. A deliberate, configured departure from
     * RFC 7644 §3.6, which wants a deleted resource to answer 404; resource types without
     * {@code active} (Group) are deleted as with {@link #HARD}.
     */
    SOFT
}
