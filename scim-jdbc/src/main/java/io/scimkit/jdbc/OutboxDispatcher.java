package io.scimkit.jdbc;

import io.scimkit.core.event.ProvisioningListener;
import io.scimkit.jdbc.schema.SchemaMigrations;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the provisioning events the JDBC stores wrote to their outbox (with
 * {@link JdbcStoreOptions#withOutbox(boolean) the outbox on}) to the application's
 * {@link ProvisioningListener}s, from one daemon thread:
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.create(dataSource, registry, JdbcStoreOptions.DEFAULTS.withOutbox(true));
 * ScimService scim = ScimService.builder().baseUri(base)
 *         .userStore(stores.users()).groupStore(stores.groups()).build();
 * OutboxDispatcher outbox = OutboxDispatcher.builder(dataSource)
 *         .listener(event -> sessions.onEvent(event))
 *         .build()
 *         .start();
 * ...
 * outbox.close(); // on shutdown
 * }</pre>
 *
 * <p>The guarantee: every event of a committed change is delivered <b>at least once</b>, also
 * after a crash or restart (a change that rolled back has no event); the events of one resource
 * (tenant, resource type and id) are delivered in the order their changes were committed. An event
 * may be delivered again (a crash after delivery and before it was marked, or a listener after
 * another one failed), so listeners should be idempotent: an event is the same each time it is
 * delivered, and the resource's {@code meta.version} in it ({@code version()}, RFC 7644 §3.14)
 * together with {@code type()} and {@code resourceId()} name the change.
 *
 * <p>How: each poll claims up to {@link Builder#batchSize batchSize} due rows in one transaction
 * ({@code SELECT ... FOR UPDATE SKIP LOCKED}), only the oldest undelivered row of each resource,
 * hands each event to every listener in registration order, marks it delivered and commits; several
 * servers on one PostgreSQL database each run a dispatcher and never deliver the same row at the
 * same time. H2 2.x (2.3 tested) has the same {@code SKIP LOCKED} row locks, so dispatchers sharing
 * one H2 database (in one JVM, or through H2's server mode) behave alike; an embedded H2 file is
 * opened by one process only. The claimed rows stay locked while their events are delivered, so a
 * listener should be quick (a webhook call with a timeout, a write to the application's own
 * database): a slow one keeps one transaction open per poll. When a listener throws, the row is
 * tried again after a backoff that doubles per attempt up to a maximum, and the later events of the
 * same resource wait for it (those of other resources do not). Delivered rows are deleted once
 * older than the retention. The dispatcher polls again at once after a batch that delivered
 * something, otherwise after the poll interval. A dispatcher that is not started delivers only when
 * {@link #deliverDue()} is called.
 *
 * <p>For metrics: {@link #backlog()} (events not yet delivered) and {@link #failedDeliveries()}
 * (deliveries a listener refused since this dispatcher was built). Thread-safe.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboxQueue queue;
    private final Duration pollInterval;
    private final Duration retention;
    private final Clock clock;
    private final Object lifecycle = new Object();
    private @Nullable Thread thread;
    private volatile boolean running;
    private volatile boolean closed;
    private @Nullable Instant nextPurge;

    private OutboxDispatcher(Builder builder) {
        this.clock = builder.clock;
        this.queue = new OutboxQueue(builder.dataSource, builder.listeners, builder.batchSize,
                builder.firstRetry, builder.maxRetry, clock);
        this.pollInterval = builder.pollInterval;
        this.retention = builder.retention;
    }

    /** A builder over the database the JDBC stores write their outbox to. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Starts the daemon thread that polls the outbox; returns this dispatcher.
     *
     * @throws IllegalStateException if it was started before or is closed
     */
    public OutboxDispatcher start() {
        synchronized (lifecycle) {
            if (closed || thread != null) {
                throw new IllegalStateException("an outbox dispatcher starts once");
            }
            running = true;
            Thread poller = new Thread(this::run, "scimkit-outbox");
            poller.setDaemon(true);
            thread = poller;
            poller.start();
        }
        return this;
    }

    /**
     * Stops polling and waits (up to 30 seconds) for the batch being delivered; undelivered events
     * stay in the outbox for the next start. Idempotent.
     */
    @Override
    public void close() {
        Thread poller;
        synchronized (lifecycle) {
            closed = true;
            running = false;
            poller = thread;
        }
        if (poller == null || poller == Thread.currentThread()) {
            return;
        }
        LockSupport.unpark(poller);
        try {
            poller.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Claims one batch of due events, delivers them and marks them, now, on the calling thread.
     *
     * @return how many events were delivered
     * @throws IllegalStateException if the database failed
     */
    public int deliverDue() {
        return queue.deliverBatch();
    }

    /** The number of events in the outbox not yet delivered (one {@code COUNT} query). */
    public long backlog() {
        return queue.backlog();
    }

    /** The number of deliveries a listener refused (threw) since this dispatcher was built; each is retried. */
    public long failedDeliveries() {
        return queue.failures();
    }

    /** The number of events delivered since this dispatcher was built. */
    public long deliveredEvents() {
        return queue.delivered();
    }

    /** Deletes delivered events older than the retention; the poll thread does this once a minute at most. */
    int purge() {
        return queue.purge(clock.instant().minus(retention));
    }

    private void run() {
        while (running) {
            int delivered = 0;
            try {
                delivered = queue.deliverBatch();
                purgeWhenDue();
            } catch (RuntimeException failed) {
                LOG.warn("the outbox dispatcher could not poll the database; it tries again in {} ms ({})",
                        pollInterval.toMillis(), failed.toString());
            }
            if (delivered == 0 && running) {
                LockSupport.parkNanos(this, pollInterval.toNanos());
            }
        }
    }

    private void purgeWhenDue() {
        Instant now = clock.instant();
        if (nextPurge == null || !now.isBefore(nextPurge)) {
            nextPurge = now.plus(Duration.ofMinutes(1));
            int purged = purge();
            if (purged > 0) {
                LOG.debug("deleted {} delivered outbox events older than {}", purged, retention);
            }
        }
    }

    /** How a dispatcher polls, retries and keeps delivered events. */
    public static final class Builder {
        private final DataSource dataSource;
        private final List<ProvisioningListener> listeners = new ArrayList<>();
        private Duration pollInterval = Duration.ofSeconds(1);
        private int batchSize = 100;
        private Duration firstRetry = Duration.ofSeconds(1);
        private Duration maxRetry = Duration.ofMinutes(5);
        private Duration retention = Duration.ofDays(7);
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** Adds a listener; repeatable, each event goes to every listener in the order they were added. */
        public Builder listener(ProvisioningListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /** How long the thread waits after a poll that found nothing to deliver (default 1 second). */
        public Builder pollInterval(Duration value) {
            this.pollInterval = positive(value, "pollInterval");
            return this;
        }

        /** The most events one poll claims and delivers in one transaction (default 100). */
        public Builder batchSize(int value) {
            if (value < 1 || value > 10_000) {
                throw new IllegalArgumentException("the batch size is between 1 and 10000");
            }
            this.batchSize = value;
            return this;
        }

        /**
         * The wait before a refused event is tried again: {@code first} after the first failure,
         * doubled after each further one, never more than {@code max} (defaults 1 second, 5 minutes).
         */
        public Builder retryBackoff(Duration first, Duration max) {
            positive(first, "first");
            positive(max, "max");
            if (max.compareTo(first) < 0) {
                throw new IllegalArgumentException("the maximum backoff is at least the first");
            }
            this.firstRetry = first;
            this.maxRetry = max;
            return this;
        }

        /** How long delivered events are kept before they are deleted (default 7 days; zero: at the next purge). */
        public Builder retention(Duration value) {
            if (Objects.requireNonNull(value, "retention").isNegative()) {
                throw new IllegalArgumentException("the retention is not negative");
            }
            this.retention = value;
            return this;
        }

        /** The clock of backoffs, delivery times and the retention (tests). */
        Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The dispatcher, not yet started; brings the schema up to date first (as
         * {@link JdbcStores#create} does), so it may run on a server without stores.
         *
         * @throws IllegalStateException if the database cannot be reached or migrated
         */
        public OutboxDispatcher build() {
            try {
                SchemaMigrations.apply(dataSource);
                return new OutboxDispatcher(this);
            } catch (SQLException failed) {
                throw new IllegalStateException("the outbox dispatcher could not prepare its database (SQLState "
                        + failed.getSQLState() + ")", failed);
            }
        }

        private static Duration positive(Duration value, String name) {
            if (Objects.requireNonNull(value, name).isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " is positive");
            }
            return value;
        }
    }
}
