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
 * @param h2GroupCommit whether, on an embedded H2 database, a change is acknowledged only after
 *     H2 has written it to its file, one file write serving every change committed while the
 *     previous write ran (group commit): what makes {@code WRITE_DELAY} above 0 as safe as
 *     {@code WRITE_DELAY=0} (an acknowledged change survives the end of the process, e.g. SIGKILL,
 *     not a power loss: no {@code fsync}) at a lower cost under concurrent writes. Off by default
 *     (H2 then writes as its {@code WRITE_DELAY} says); no effect on PostgreSQL, whose commit is
 *     as durable as its {@code synchronous_commit} says. See {@link #withH2GroupCommit(boolean)}
 */
public record JdbcStoreOptions(boolean uniqueExternalId, Duration cursorTimeout, boolean outbox,
        boolean h2GroupCommit) {
    /** {@code externalId} not unique, 10-minute cursors, no outbox, no H2 group commit. */
    public static final JdbcStoreOptions DEFAULTS = new JdbcStoreOptions(false, Duration.ofMinutes(10), false, false);

    public JdbcStoreOptions {
        Objects.requireNonNull(cursorTimeout, "cursorTimeout");
        if (cursorTimeout.isNegative() || cursorTimeout.isZero()) {
            throw new IllegalArgumentException("the cursor timeout is positive");
        }
    }

    /** Options without H2 group commit (the form before it existed). */
    public JdbcStoreOptions(boolean uniqueExternalId, Duration cursorTimeout, boolean outbox) {
        this(uniqueExternalId, cursorTimeout, outbox, false);
    }

    /** Options without the outbox (the form before it existed). */
    public JdbcStoreOptions(boolean uniqueExternalId, Duration cursorTimeout) {
        this(uniqueExternalId, cursorTimeout, false);
    }

    /** A copy with another {@code uniqueExternalId}. */
    public JdbcStoreOptions withUniqueExternalId(boolean value) {
        return new JdbcStoreOptions(value, cursorTimeout, outbox, h2GroupCommit);
    }

    /** A copy with another cursor timeout. */
    public JdbcStoreOptions withCursorTimeout(Duration value) {
        return new JdbcStoreOptions(uniqueExternalId, value, outbox, h2GroupCommit);
    }

    /**
     * A copy with the transactional outbox on or off: when on, the stores write each change's
     * provisioning events to {@code scim_outbox} in the change's transaction, and an
     * {@link OutboxDispatcher} delivers them.
     */
    public JdbcStoreOptions withOutbox(boolean value) {
        return new JdbcStoreOptions(uniqueExternalId, cursorTimeout, value, h2GroupCommit);
    }

    /**
     * A copy with H2 group commit on or off. When on and the stores run on an embedded H2 2.x
     * database (in this process), every store call that changes data returns (so the SCIM
     * response is sent, RFC 7644 §3.3, §3.5.2) only after H2 wrote the change to its file; the
     * calls waiting at the same time share one write, and if the write fails they fail (the
     * client gets a 500, never a 2xx for a change not written). The provisioning events of the
     * outbox are in the change's transaction, so in the same write; reads never wait. Meant for a
     * URL with {@code WRITE_DELAY} above 0 (e.g. {@code ;WRITE_DELAY=1000}), where H2 would
     * otherwise write committed changes up to that long after the commit; with
     * {@code WRITE_DELAY=0} H2 already writes each commit itself and this adds little.
     * {@link JdbcStores#create} refuses it on an H2 database in another process (TCP server).
     */
    public JdbcStoreOptions withH2GroupCommit(boolean value) {
        return new JdbcStoreOptions(uniqueExternalId, cursorTimeout, outbox, value);
    }
}
