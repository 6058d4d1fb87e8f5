package io.scimkit.jdbc;

import io.scimkit.core.codec.ResourceCodec;
import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.ResourceType;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.core.store.CursorSeal;
import io.scimkit.jdbc.schema.Dialect;
import io.scimkit.jdbc.schema.SchemaMigrations;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A user store and a group store over one database (H2 2.x or PostgreSQL 15+), what a
 * {@code ScimService} needs:
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.create(dataSource, SchemaRegistry.core(), JdbcStoreOptions.DEFAULTS);
 * ScimService service = ScimService.builder()
 *         .userStore(stores.users())
 *         .groupStore(stores.groups())
 *         ...
 * }</pre>
 *
 * <p>{@link #create} brings the schema up to date first ({@link SchemaMigrations}); any number of
 * servers may share one PostgreSQL database (cursors are signed with a secret kept in it). Give it
 * a pooled {@code DataSource} (e.g. HikariCP) in production. Deleting a user removes it from every
 * group of its tenant, so that no group lists a user that no longer exists (RFC 7644 §3.6 leaves
 * this open).
 *
 * <p>With {@link JdbcStoreOptions#withOutbox(boolean) the outbox on}, every change also writes its
 * provisioning events to {@code scim_outbox} in its own transaction, and an
 * {@link OutboxDispatcher} delivers them (at least once, in order per resource). With
 * {@link JdbcStoreOptions#withH2GroupCommit(boolean) H2 group commit on}, a change on an embedded
 * H2 database returns only once H2 has written it to its file.
 *
 * @param users the User store
 * @param groups the Group store
 * @param dialect the database the stores run on
 */
public record JdbcStores(JdbcUserStore users, JdbcGroupStore groups, Dialect dialect) {
    private static final String CURSOR_SECRET = "cursor-secret";
    /** How long a write waits for another's file write before it fails: far above any healthy write. */
    private static final Duration GROUP_COMMIT_TIMEOUT = Duration.ofSeconds(30);

    public JdbcStores {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(dialect, "dialect");
    }

    /** Stores with the default options ({@code externalId} not unique, 10-minute cursors). */
    public static JdbcStores create(DataSource dataSource, SchemaRegistry registry) {
        return create(dataSource, registry, JdbcStoreOptions.DEFAULTS);
    }

    /**
     * Applies the schema and returns the stores.
     *
     * @throws IllegalStateException if the database cannot be reached or migrated, or is neither H2 nor PostgreSQL,
     *     or H2 group commit is asked for on an H2 database that is not embedded in this process
     */
    public static JdbcStores create(DataSource dataSource, SchemaRegistry registry, JdbcStoreOptions options) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(options, "options");
        try {
            Dialect dialect = SchemaMigrations.apply(dataSource);
            CursorSeal cursors = CursorSeal.withSecret(cursorSecret(dataSource));
            ResourceCodec codec = ResourceCodec.of(registry);
            GroupCommit groupCommit = options.h2GroupCommit() && dialect == Dialect.H2 ? groupCommit(dataSource) : null;
            JdbcResourceStore users = store(dataSource, dialect, codec, registry,
                    type(registry, CoreSchemas.USER_RESOURCE_TYPE.name()), options, cursors, groupCommit);
            JdbcResourceStore groups = store(dataSource, dialect, codec, registry,
                    type(registry, CoreSchemas.GROUP_RESOURCE_TYPE.name()), options, cursors, groupCommit);
            return new JdbcStores(new JdbcUserStore(users), new JdbcGroupStore(groups), dialect);
        } catch (SQLException failed) {
            throw new IllegalStateException("the JDBC store could not prepare its database (SQLState "
                    + failed.getSQLState() + ")", failed);
        }
    }

    private static JdbcResourceStore store(DataSource dataSource, Dialect dialect, ResourceCodec codec,
            SchemaRegistry registry, ResourceType type, JdbcStoreOptions options, CursorSeal cursors,
            @Nullable GroupCommit groupCommit) {
        Transactions transactions = new Transactions(dataSource, type.name(), dialect == Dialect.POSTGRESQL,
                groupCommit);
        ResourceTable table = new ResourceTable(transactions, dialect, codec, type, options.uniqueExternalId());
        return new JdbcResourceStore(table, new SearchRunner(table, registry, cursors, options.cursorTimeout(),
                Clock.systemUTC()), options.outbox());
    }

    /**
     * One group commit for both stores, so that one file write serves users and groups; its first
     * flush, here, also writes the schema and the cursor secret.
     */
    private static GroupCommit groupCommit(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return new GroupCommit(H2FileFlush.of(connection), GROUP_COMMIT_TIMEOUT);
        }
    }

    private static ResourceType type(SchemaRegistry registry, String name) {
        return registry.resourceType(name)
                .orElseThrow(() -> new IllegalArgumentException("the registry has no resource type " + name));
    }

    /** The database's cursor secret, created on first use; concurrent first uses agree on one. */
    private static byte[] cursorSecret(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String stored = setting(connection, CURSOR_SECRET);
            if (stored == null) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO scim_setting (name, setting_value) VALUES (?, ?)")) {
                    Parameters.bind(insert, List.of(CURSOR_SECRET, Base64.getEncoder().encodeToString(fresh)));
                    insert.executeUpdate();
                } catch (SQLException raced) {
                    if (!SqlErrors.isUniqueViolation(raced)) {
                        throw raced;
                    }
                }
                stored = Objects.requireNonNull(setting(connection, CURSOR_SECRET));
            }
            return Base64.getDecoder().decode(stored);
        }
    }

    private static @Nullable String setting(Connection connection, String name)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT setting_value FROM scim_setting WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
