package io.scimkit.jdbc;

import io.scimkit.core.codec.EventCodec;
import io.scimkit.core.event.ProvisioningEvent;
import io.scimkit.core.event.ProvisioningListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of {@code scim_outbox} as a queue: claim a batch of due rows (the oldest undelivered
 * row of each resource, locked with {@code FOR UPDATE SKIP LOCKED} so that other dispatchers pass
 * over them), deliver each to the listeners, mark it delivered or schedule its retry, commit.
 * The locks are held while the batch is delivered: a dispatcher that dies releases them with its
 * connection, and its rows are delivered again by the next poll (at least once). On an embedded H2
 * database the claimed rows are written to the file before they are delivered, so that a listener
 * never hears of a change that a killed process loses.
 */
final class OutboxQueue {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxQueue.class);
    private static final GroupCommit.Flush NO_FLUSH = connection -> { };
    private static final String CLAIM = "SELECT o.seq, o.event_type, o.payload, o.attempts FROM scim_outbox o"
            + " WHERE o.delivered_at IS NULL AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?)"
            + " AND NOT EXISTS (SELECT 1 FROM scim_outbox p WHERE p.tenant = o.tenant"
            + " AND p.resource_type = o.resource_type AND p.resource_id = o.resource_id AND p.delivered_at IS NULL"
            + " AND p.seq < o.seq)"
            + " ORDER BY o.seq LIMIT ? FOR UPDATE SKIP LOCKED";

    private final DataSource dataSource;
    private final List<ProvisioningListener> listeners;
    private final int batchSize;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Clock clock;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private GroupCommit.@Nullable Flush fileFlush;

    OutboxQueue(DataSource dataSource, List<ProvisioningListener> listeners, int batchSize, Duration firstRetry,
            Duration maxRetry, Clock clock) {
        this.dataSource = dataSource;
        this.listeners = List.copyOf(listeners);
        this.batchSize = batchSize;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.clock = clock;
    }

    /** A claimed row. */
    private record Row(long seq, String type, String payload, int attempts) {
    }

    /** Claims, delivers and marks one batch in one transaction; the number delivered. */
    int deliverBatch() {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                int count = deliverBatch(connection);
                connection.commit();
                return count;
            } catch (SQLException | RuntimeException | Error failed) {
                connection.rollback();
                throw failed;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException failed) {
            throw SqlErrors.internal(failed);
        }
    }

    private int deliverBatch(Connection connection) throws SQLException {
        OffsetDateTime now = time(clock.instant());
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            Parameters.bind(claim, List.of(now, batchSize));
            try (ResultSet result = claim.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3), result.getInt(4)));
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        // The changes of these events committed, but on H2 with group commit may not be in the file yet.
        fileFlush(connection).run(connection);
        int count = 0;
        try (PreparedStatement done = connection.prepareStatement(
                "UPDATE scim_outbox SET delivered_at = ?, attempts = attempts + 1 WHERE seq = ?");
                PreparedStatement retry = connection.prepareStatement(
                        "UPDATE scim_outbox SET next_attempt_at = ?, attempts = attempts + 1 WHERE seq = ?")) {
            for (Row row : rows) {
                if (deliver(row)) {
                    Parameters.bind(done, List.of(now, row.seq()));
                    done.addBatch();
                    count++;
                } else {
                    Parameters.bind(retry, List.of(time(clock.instant().plus(backoff(row.attempts() + 1))), row.seq()));
                    retry.addBatch();
                }
            }
            done.executeBatch();
            retry.executeBatch();
        }
        delivered.addAndGet(count);
        return count;
    }

    /**
     * What writes the claimed events' changes to the database's file before they are delivered, so
     * that no listener hears of a change that a killed process then loses: on an embedded H2
     * database (whose commits may wait for a group commit, see
     * {@link JdbcStoreOptions#withH2GroupCommit(boolean)}) its file flush; elsewhere nothing, a
     * commit being in the database's log when it is visible.
     */
    private synchronized GroupCommit.Flush fileFlush(Connection connection) throws SQLException {
        if (fileFlush == null) {
            fileFlush = NO_FLUSH;
            if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
                try {
                    fileFlush = H2FileFlush.of(connection);
                } catch (IllegalStateException notEmbedded) {
                    LOG.debug("the outbox's H2 database is not embedded: no file flush before delivery", notEmbedded);
                }
            }
        }
        return fileFlush;
    }

    /** Hands the event to every listener; {@code false} when one threw (it is tried again later). */
    private boolean deliver(Row row) {
        try {
            ProvisioningEvent event = EventCodec.read(row.payload());
            for (ProvisioningListener listener : listeners) {
                listener.onEvent(event);
            }
            return true;
        } catch (RuntimeException | LinkageError refused) {
            failures.incrementAndGet();
            LOG.warn("outbox event {} ({}) was not delivered on attempt {}; it is tried again in {} ms: {}",
                    row.seq(), row.type(), row.attempts() + 1, backoff(row.attempts() + 1).toMillis(),
                    refused.toString());
            LOG.debug("outbox event {} delivery failure", row.seq(), refused);
            return false;
        }
    }

    /** The wait after the {@code attempts}-th failed attempt: doubling from the first, capped. */
    Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 40);
        Duration wait = firstRetry;
        for (int i = 0; i < doublings && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    long backlog() {
        return count("SELECT COUNT(*) FROM scim_outbox WHERE delivered_at IS NULL");
    }

    /** Deletes delivered rows delivered before the cutoff; the number deleted. */
    int purge(Instant cutoff) {
        return new Transactions(dataSource, "outbox").write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM scim_outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?")) {
                Parameters.bind(delete, List.of(time(cutoff)));
                return delete.executeUpdate();
            }
        });
    }

    long failures() {
        return failures.get();
    }

    long delivered() {
        return delivered.get();
    }

    private long count(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException failed) {
            throw SqlErrors.internal(failed);
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
