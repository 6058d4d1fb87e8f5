package io.scimkit.core.error;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A SCIM error (RFC 7644 §3.12): the HTTP status, the optional {@code scimType} keyword and a
 * human-readable detail. Every failure the library reports to a client is one of these; the
 * protocol layer turns it into an error response body.
 *
 * <p>The detail is shown to clients, so it never contains stack traces, class names, SQL or
 * secrets. Factories are named after the {@code scimType} keyword or the HTTP status they stand
 * for. Instances are immutable.
 */
public final class ScimException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final @Nullable ScimErrorType scimType;

    /** Creates an error with the given HTTP status, optional scimType and client-safe detail. */
    public ScimException(int status, @Nullable ScimErrorType scimType, String detail) {
        super(Objects.requireNonNull(detail, "detail"));
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status is 4xx or 5xx, not " + status);
        }
        this.status = status;
        this.scimType = scimType;
    }

    /** The HTTP status code, also sent as the {@code status} string of the error body. */
    public int status() {
        return status;
    }

    /** The {@code scimType} keyword, absent for errors that have none (404, 412, 500 ...). */
    public Optional<ScimErrorType> scimType() {
        return Optional.ofNullable(scimType);
    }

    /** The human-readable {@code detail} of the error body. */
    public String detail() {
        return getMessage();
    }

    /** 400 {@code invalidFilter}: a malformed filter or an unsupported attribute/operator pair. */
    public static ScimException invalidFilter(String detail) {
        return new ScimException(400, ScimErrorType.INVALID_FILTER, detail);
    }

    /** 400 {@code tooMany}: the query would return more results than the server processes. */
    public static ScimException tooMany(String detail) {
        return new ScimException(400, ScimErrorType.TOO_MANY, detail);
    }

    /**
     * 409 {@code uniqueness}: a unique value is already taken. RFC 7644 §3.3 asks for 409 on create
     * while Table 9 lists {@code uniqueness} under 400; we answer 409 for POST, PUT and PATCH alike.
     */
    public static ScimException uniqueness(String detail) {
        return new ScimException(409, ScimErrorType.UNIQUENESS, detail);
    }

    /** 400 {@code mutability}: the change conflicts with an attribute's mutability. */
    public static ScimException mutability(String detail) {
        return new ScimException(400, ScimErrorType.MUTABILITY, detail);
    }

    /** 400 {@code invalidSyntax}: the body is malformed or does not match the message schema. */
    public static ScimException invalidSyntax(String detail) {
        return new ScimException(400, ScimErrorType.INVALID_SYNTAX, detail);
    }

    /** 400 {@code invalidPath}: a PATCH path is malformed or names an unknown attribute. */
    public static ScimException invalidPath(String detail) {
        return new ScimException(400, ScimErrorType.INVALID_PATH, detail);
    }

    /** 400 {@code noTarget}: a PATCH path matched nothing that can be changed. */
    public static ScimException noTarget(String detail) {
        return new ScimException(400, ScimErrorType.NO_TARGET, detail);
    }

    /** 400 {@code invalidValue}: a required value is missing or a value has the wrong type. */
    public static ScimException invalidValue(String detail) {
        return new ScimException(400, ScimErrorType.INVALID_VALUE, detail);
    }

    /** 400 {@code invalidVers}: the requested protocol version is not supported. */
    public static ScimException invalidVersion(String detail) {
        return new ScimException(400, ScimErrorType.INVALID_VERS, detail);
    }

    /** 403 {@code sensitive}: sensitive data in the request URI (RFC 7644 §7.5.2). */
    public static ScimException sensitive(String detail) {
        return new ScimException(403, ScimErrorType.SENSITIVE, detail);
    }

    /** 400 {@code invalidCursor} (RFC 9865 §2.1). */
    public static ScimException invalidCursor(String detail) {
        return new ScimException(400, ScimErrorType.INVALID_CURSOR, detail);
    }

    /** 400 {@code expiredCursor} (RFC 9865 §2.1). */
    public static ScimException expiredCursor(String detail) {
        return new ScimException(400, ScimErrorType.EXPIRED_CURSOR, detail);
    }

    /** 400 {@code invalidCount} (RFC 9865 §2.1). */
    public static ScimException invalidCount(String detail) {
        return new ScimException(400, ScimErrorType.INVALID_COUNT, detail);
    }

    /** 401: missing or invalid credentials. */
    public static ScimException unauthorized(String detail) {
        return new ScimException(401, null, detail);
    }

    /** 403: the authenticated subject may not perform this call. */
    public static ScimException forbidden(String detail) {
        return new ScimException(403, null, detail);
    }

    /** 404: the resource or endpoint does not exist. */
    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }

    /**
     * 405: the endpoint exists but does not accept this method. RFC 7644 never mentions 405; we use
     * it (with {@code Allow}) rather than 404 or 501, which keep their own meanings.
     */
    public static ScimException methodNotAllowed(String detail) {
        return new ScimException(405, null, detail);
    }

    /**
     * 412: an {@code If-Match} precondition failed (RFC 7644 §3.14). Table 8 lists both 409 and 412
     * for a version mismatch; we answer 412 and keep 409 for uniqueness.
     */
    public static ScimException preconditionFailed(String detail) {
        return new ScimException(412, null, detail);
    }

    /** 413: the request exceeds {@code maxPayloadSize} or {@code maxOperations}. */
    public static ScimException payloadTooLarge(String detail) {
        return new ScimException(413, null, detail);
    }

    /** 500: an unexpected server failure, with a detail that reveals nothing internal. */
    public static ScimException internal(String detail) {
        return new ScimException(500, null, detail);
    }

    /** 501: the operation is not supported by this service provider. */
    public static ScimException notImplemented(String detail) {
        return new ScimException(501, null, detail);
    }

    @Override
    public String toString() {
        return "ScimException[" + status + (scimType == null ? "" : " " + scimType.token()) + ": "
                + getMessage() + "]";
    }
}
