package io.scimkit.jdbc.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the store's current schema: ordered DDL scripts ({@code V1__resources.sql},
 * ...) per dialect, each applied once and recorded in {@code scim_schema_version}.
 *
 * <p>Why not Flyway: scim-jdbc depends on scim-core and JDBC only, and a migration
 * tool on the library's classpath would be one more dependency every integrator inherits; the
 * store has a handful of scripts, so a version table does the job. Applying is repeatable: on a
 * database that is up to date it only reads the version table. Each script runs in its own
 * transaction together with its version row; on PostgreSQL a transaction-scoped advisory lock
 * makes servers that start together apply each script once (DDL is transactional there). On H2,
 * where DDL commits implicitly, the scripts use {@code IF NOT EXISTS} so a repeated run is harmless.
 */
public final class SchemaMigrations {
    /** The scripts in order: version and the name after {@code V<version>__}. */
    static final List<Script> SCRIPTS = List.of(new Script(1, "resources"), new Script(2, "member_order_cache"),
            new Script(3, "outbox"), new Script(4, "sort_indexes"));

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);
    /** An arbitrary constant naming the advisory lock of the migrations. */
    private static final long LOCK_KEY = 0x5C1_4B17L;

    private SchemaMigrations() {
    }

    /** One DDL script. */
    record Script(int version, String name) {
        String resource(Dialect dialect) {
            return dialect.scriptFolder() + "V" + version + "__" + name + ".sql";
        }
    }

    /**
     * Applies every script the database lacks.
     *
     * @return the dialect of the database
     * @throws SQLException if the database refuses a statement
     */
    public static Dialect apply(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(connection);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS scim_schema_version (version INT NOT NULL PRIMARY KEY,"
                        + " description VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            }
            connection.setAutoCommit(false);
            try {
                for (Script script : SCRIPTS) {
                    applyOne(connection, dialect, script);
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            return dialect;
        }
    }

    /** The versions recorded as applied, ascending. */
    public static List<Integer> appliedVersions(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version FROM scim_schema_version ORDER BY version")) {
            List<Integer> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
            return versions;
        }
    }

    private static void applyOne(Connection connection, Dialect dialect, Script script) throws SQLException {
        try {
            if (dialect == Dialect.POSTGRESQL) {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, LOCK_KEY);
                    lock.execute();
                }
            }
            if (applied(connection, script.version())) {
                connection.commit();
                return;
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(script.resource(dialect))) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO scim_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                record.setInt(1, script.version());
                record.setString(2, script.name());
                record.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                record.executeUpdate();
            }
            connection.commit();
            LOG.info("applied JDBC store schema version {} ({})", script.version(), script.name());
        } catch (SQLException | RuntimeException failed) {
            connection.rollback();
            throw failed;
        }
    }

    private static boolean applied(Connection connection, int version) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM scim_schema_version WHERE version = ?")) {
            query.setInt(1, version);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The statements of a script: split at semicolons that end a line; {@code --} comment lines dropped. */
    static List<String> statements(String resource) {
        String text;
        try (InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing DDL script " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
