package io.scimkit.jdbc.mapping;

import org.jspecify.annotations.Nullable;

/**
 * The type of the application's own primary key, which the mapped store serves as the SCIM
 * {@code id} (RFC 7643 §3.1): always as a string, never reused, assigned by the service provider.
 */
public enum IdType {
    /**
     * A number the database assigns (an identity column, or a sequence as the column's default):
     * {@code BIGINT}, {@code INTEGER} or {@code NUMERIC}.
     */
    LONG,
    /**
     * A UUID the store assigns (time-ordered, RFC 9562 §5.7): a {@code UUID} column, or a text column
     * holding its canonical form.
     */
    UUID,
    /** Text the store assigns (the canonical form of a time-ordered UUID, RFC 9562 §5.7) in a character column. */
    TEXT;

    /** The key for the id text, or {@code null} if the text cannot be an id of this type (no row has it). */
    @Nullable Object key(String id) {
        return switch (this) {
            case LONG -> id.matches("-?[0-9]{1,18}") ? Long.valueOf(id) : null;
            case UUID -> parseUuid(id);
            case TEXT -> id;
        };
    }

    /** The key of a new store-assigned id; {@code null} for {@link #LONG}, which the database assigns. */
    @Nullable Object newKey(java.util.UUID fresh) {
        return switch (this) {
            case LONG -> null;
            case UUID -> fresh;
            case TEXT -> fresh.toString();
        };
    }

    private static java.util.@Nullable UUID parseUuid(String id) {
        if (id.length() != 36) {
            return null;
        }
        try {
            java.util.UUID parsed = java.util.UUID.fromString(id);
            return parsed.toString().equalsIgnoreCase(id) ? parsed : null;
        } catch (IllegalArgumentException notOne) {
            return null;
        }
    }
}
