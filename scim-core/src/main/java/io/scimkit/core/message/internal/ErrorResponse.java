package io.scimkit.core.message.internal;

import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.error.ScimException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The SCIM error response body (RFC 7644 §3.12): {@code schemas} is
 * {@code urn:ietf:params:scim:api:messages:2.0:Error}, {@code status} the HTTP status as a JSON
 * string, {@code scimType} optional, {@code detail} a client-safe message.
 */
public record ErrorResponse(int status, @Nullable ScimErrorType scimType, @Nullable String detail) {
    /** {@code urn:ietf:params:scim:api:messages:2.0:Error}. */
    public static final String ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";

    public ErrorResponse {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status is 4xx or 5xx");
        }
    }

    /** The response for an exception. */
    public static ErrorResponse of(ScimException exception) {
        Objects.requireNonNull(exception, "exception");
        return new ErrorResponse(exception.status(), exception.scimType().orElse(null), exception.detail());
    }
}
