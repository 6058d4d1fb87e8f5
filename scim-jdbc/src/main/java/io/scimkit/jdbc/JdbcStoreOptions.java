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
 * @param outbox whether every change writes its provisioning events to the {@code scim_outbox}
 *     table in the change's own transaction (a transactional outbox), for an
 *     {@link OutboxDispatcher} to deliver at least once; off by default
 */
public record JdbcStoreOptions(boolean uniqueExternalId, Duration cursorTimeout, boolean outbox) {
    /** {@code externalId} not unique, 10-minute cursors, no outbox. */
    public static final JdbcStoreOptions DEFAULTS = new JdbcStoreOptions(false, Duration.ofMinutes(10), false);

    public JdbcStoreOptions {
        Objects.requireNonNull(cursorTimeout, "cursorTimeout");
        if (cursorTimeout.isNegative() || cursorTimeout.isZero()) {
            throw new IllegalArgumentException("the cursor timeout is positive");
        }
    }

    /** Options without the outbox (the form before it existed). */
    public JdbcStoreOptions(boolean uniqueExternalId, Duration cursorTimeout) {
        this(uniqueExternalId, cursorTimeout, false);
    }

    /** A copy with another {@code uniqueExternalId}. */
    public JdbcStoreOptions withUniqueExternalId(boolean value) {
        return new JdbcStoreOptions(value, cursorTimeout, outbox);
    }

    /** A copy with another cursor timeout. */
    public JdbcStoreOptions withCursorTimeout(Duration value) {
        return new JdbcStoreOptions(uniqueExternalId, value, outbox);
    }

    /**
     * A copy with the transactional outbox on or off: when on, the stores write each change's
     * provisioning events to {@code scim_outbox} in the change's transaction, and an
     * {@link OutboxDispatcher} delivers them.
     */
    public JdbcStoreOptions withOutbox(boolean value) {
        return new JdbcStoreOptions(uniqueExternalId, cursorTimeout, value);
    }
}
