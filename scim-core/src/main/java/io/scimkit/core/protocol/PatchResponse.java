package io.scimkit.core.protocol;

/**
 * How a successful PATCH answers (RFC 7644 §3.5.2, P-PAT-15; digest K-29). Whatever the setting,
 * a PATCH with an {@code attributes} or {@code excludedAttributes} parameter answers 200 with the
 * resource (P-ATT-12).
 */
public enum PatchResponse {
    /** 200 with the projected resource. */
    RESOURCE,
    /** 204 without a body, with {@code ETag} and {@code Location} headers (P-PAT-17). */
    NO_CONTENT
}
