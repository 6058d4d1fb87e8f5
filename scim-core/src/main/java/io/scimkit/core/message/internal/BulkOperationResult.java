package io.scimkit.core.message.internal;

import io.scimkit.core.value.ScimValue;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one bulk operation (RFC 7644 §3.7, §3.7.3): the
 * {@code method} and {@code bulkId} of the request operation, the resource's {@code location}
 * (absent only for a failed POST) and {@code version}, the HTTP {@code status} the standalone call
 * would have had (written as a JSON string, as in most of the RFC's examples; one shows an object), and on failure the SCIM error body as
 * {@code response}.
 */
public record BulkOperationResult(String method, @Nullable String bulkId, @Nullable String location,
        @Nullable String version, int status, @Nullable ScimValue response) {

    public BulkOperationResult {
        Objects.requireNonNull(method, "method");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is between 100 and 599");
        }
    }

    /** Whether the operation failed (a status outside 2xx). */
    public boolean failed() {
        return status < 200 || status > 299;
    }
}
