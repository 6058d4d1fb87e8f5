package io.scimkit.core.protocol;

/**
 * How a successful PATCH answers: RFC 7644 §3.5.2 allows 200 with the resource or 204 without a
 * body, and clients differ in which they use (some read the body, others read the resource
 * again). Whatever the setting, a PATCH with an {@code attributes} or {@code excludedAttributes}
 * parameter answers 200 with the resource, as §3.5.2 requires.
 */
public enum PatchResponse {
    /** 200 with the projected resource. */
    RESOURCE,
    /** 204 without a body, with {@code ETag} and {@code Location} headers (as in RFC 7644 §3.5.2.1). */
    NO_CONTENT
}
