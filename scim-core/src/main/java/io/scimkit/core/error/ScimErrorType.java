package io.scimkit.core.error;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code scimType} keywords of an error response: RFC 7644 §3.12 Table 9, plus the cursor
 * errors of RFC 9865 §2.1. Each constant carries its wire token.
 */
public enum ScimErrorType {
    /** The filter syntax is invalid, or an attribute/operator combination is not supported. */
    INVALID_FILTER("invalidFilter"),
    /** The query would return more results than the service provider will process. */
    TOO_MANY("tooMany"),
    /** A value is already in use or reserved (sent with 409). */
    UNIQUENESS("uniqueness"),
    /** The change conflicts with an attribute's mutability. */
    MUTABILITY("mutability"),
    /** The request body is not well formed or does not match the message schema. */
    INVALID_SYNTAX("invalidSyntax"),
    /** A PATCH {@code path} is malformed or names an unknown attribute. */
    INVALID_PATH("invalidPath"),
    /** A PATCH {@code path} matched nothing that can be changed. */
    NO_TARGET("noTarget"),
    /** A required value is missing or a value has the wrong type. */
    INVALID_VALUE("invalidValue"),
    /** The requested SCIM protocol version is not supported. */
    INVALID_VERS("invalidVers"),
    /** Sensitive data was sent in the request URI (sent with 403). */
    SENSITIVE("sensitive"),
    /** RFC 9865: the cursor is malformed, unknown or belongs to another query. */
    INVALID_CURSOR("invalidCursor"),
    /** RFC 9865: the cursor has outlived the advertised {@code cursorTimeout}. */
    EXPIRED_CURSOR("expiredCursor"),
    /** RFC 9865: {@code count} is out of range or differs from the first page's. */
    INVALID_COUNT("invalidCount");

    private final String token;

    ScimErrorType(String token) {
        this.token = token;
    }

    /** The keyword as it appears in the {@code scimType} member of an error response. */
    public String token() {
        return token;
    }

    /** Looks a keyword up, ignoring case. */
    public static Optional<ScimErrorType> fromToken(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        for (ScimErrorType type : values()) {
            if (type.token.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return token;
    }
}
