package io.scimkit.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.event.ProvisioningListener;
import io.scimkit.jdbc.JdbcStoreOptions;
import io.scimkit.jdbc.JdbcStores;
import io.scimkit.jdbc.OutboxDispatcher;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Opens the JDBC stores of {@code scim-jdbc} over a HikariCP pool: what {@code h2:<dir>} and
 * {@code jdbc:postgresql://...} have in common. The pool is closed when the server stops, after
 * the requests in flight finished.
 */
final class PooledJdbcStores {
    /** Enough for a 2-core machine serving Entra (which sends a handful of requests at a time). */
    static final int POOL_SIZE = 10;
    /** How long the readiness query may take. */
    static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);

    private PooledJdbcStores() {
    }

    /**
     * Starts the pool, brings the schema up to date and returns the stores. With {@code events}, the
     * stores write each change's provisioning events to their outbox table in the change's own
     * transaction, and an {@link OutboxDispatcher} thread delivers them to {@code events} at least
     * once (again after a failure, with backoff, and after a restart); it stops before the pool closes.
     *
     * @param options the store options; the outbox is turned on or off here, after {@code events}
     * @param events the listener the outbox delivers to, or {@code null} for no outbox
     * @throws IllegalStateException naming the database (never its password) if it cannot be reached or migrated
     */
    static OpenedStores open(DatabaseSettings settings, JdbcStoreOptions options, SchemaRegistry registry,
            @Nullable ProvisioningListener events) {
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config(settings));
        } catch (RuntimeException unreachable) {
            throw new IllegalStateException("cannot open the store (" + settings.description() + "): "
                    + rootMessage(unreachable), unreachable);
        }
        try {
            JdbcStores stores = JdbcStores.create(pool, registry, options.withOutbox(events != null));
            JdbcReadiness readiness = new JdbcReadiness(pool, READINESS_TIMEOUT);
            if (events == null) {
                return new OpenedStores(stores.users(), stores.groups(), settings.description(), pool, readiness);
            }
            OutboxDispatcher outbox = OutboxDispatcher.builder(pool).listener(events).build().start();
            AutoCloseable resources = () -> {
                try (pool) {
                    outbox.close();
                }
            };
            return new OpenedStores(stores.users(), stores.groups(), settings.description()
                    + "; events kept in its table scim_outbox with each change", resources, readiness, outbox);
        } catch (RuntimeException failed) {
            pool.close();
            throw new IllegalStateException("cannot open the store (" + settings.description() + "): "
                    + rootMessage(failed), failed);
        }
    }

    static HikariConfig config(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("scim-store");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setDriverClassName(settings.driverClassName());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        config.setExceptionOverrideClassName(DeadDatabaseEviction.class.getName());
        return config;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
