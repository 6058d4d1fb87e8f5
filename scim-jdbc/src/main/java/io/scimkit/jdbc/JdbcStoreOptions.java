package io.scimkit.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How the JDBC stores behave.
 *
 * @param uniqueExternalId whether {@code externalId} is unique per tenant and resource type
 *     (RFC 7643 §3.1 leaves it to the client, so the default is {@code false}); enforced by a
 *     unique index on a column that is filled only when this is on
 * @param cursorTimeout how long an RFC 9865 cursor stays valid
 */
public record JdbcStoreOptions(boolean uniqueExternalId, Duration cursorTimeout) {
    /** {@code externalId} not unique, 10-minute cursors. */
    public static final JdbcStoreOptions DEFAULTS = new JdbcStoreOptions(false, Duration.ofMinutes(10));

    public JdbcStoreOptions {
        Objects.requireNonNull(cursorTimeout, "cursorTimeout");
        if (cursorTimeout.isNegative() || cursorTimeout.isZero()) {
            throw new IllegalArgumentException("the cursor timeout is positive");
        }
    }

    /** A copy with another {@code uniqueExternalId}. */
    public JdbcStoreOptions withUniqueExternalId(boolean value) {
        return new JdbcStoreOptions(value, cursorTimeout);
    }

    /** A copy with another cursor timeout. */
    public JdbcStoreOptions withCursorTimeout(Duration value) {
        return new JdbcStoreOptions(uniqueExternalId, value);
    }
}
