package io.scimkit.core.message.internal;

import io.scimkit.core.value.ScimValue;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One element of a bulk request's {@code Operations} (RFC 7644 §3.7), as received: the HTTP
 * {@code method}, the {@code path} below the base URI ({@code /Users} for POST, {@code /Users/{id}}
 * otherwise), the client's transient {@code bulkId} (required for POST), the {@code version} to use
 * as {@code If-Match}, and {@code data}, the body the standalone request would carry, read as
 * untyped JSON. Members the client left out are {@code null}; the bulk endpoint judges them.
 */
public record BulkOperation(String method, @Nullable String path, @Nullable String bulkId, @Nullable String version,
        @Nullable ScimValue data) {

    public BulkOperation {
        Objects.requireNonNull(method, "method");
    }
}
