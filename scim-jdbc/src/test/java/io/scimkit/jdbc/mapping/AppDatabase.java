package io.scimkit.jdbc.mapping;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.schema.CoreSchemas;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database holding an "existing application" schema, not designed for SCIM, behind a small
 * pool: H2 in memory (PostgreSQL mode), or a schema of its own in the PostgreSQL of
 * {@code SCIMKIT_PG_URL} (tests are skipped, with the reason, without it). {@link #close} drops it.
 *
 * <p>Two schemas: {@link Shape#NUMERIC} has numeric ids from one sequence, a tenant column, a status
 * text for {@code active} and a version column; {@link Shape#UUID} serves one tenant, has UUID user
 * ids, text group ids, a computed user version, timestamps without time zone and soft deletes.
 * Case-insensitive uniqueness is a unique index on {@code LOWER(login)} in PostgreSQL and on a
 * generated lower-case column in H2 (which has no expression indexes).
 */
final class AppDatabase implements AutoCloseable {
    static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER_URN;

    enum Shape { NUMERIC, UUID }

    private final HikariDataSource pool;
    private final String drop;
    private final boolean postgres;

    private AppDatabase(HikariDataSource pool, String drop, boolean postgres) {
        this.pool = pool;
        this.drop = drop;
        this.postgres = postgres;
    }

    static AppDatabase h2(Shape shape) {
        return open("jdbc:h2:mem:app-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=30000",
                "sa", "", null, "DROP ALL OBJECTS", false, shape);
    }

    static AppDatabase postgres(Shape shape) {
        String url = System.getenv("SCIMKIT_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "SCIMKIT_PG_URL is not set (.ci/postgres.sh sets it)");
        String user = Objects.requireNonNullElse(System.getenv("SCIMKIT_PG_USER"), "");
        String password = Objects.requireNonNullElse(System.getenv("SCIMKIT_PG_PASSWORD"), "");
        String schema = "app_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException unreachable) {
            Assumptions.abort("PostgreSQL at " + url + " is not reachable: " + unreachable.getMessage());
        }
        return open(url, user, password, schema, "DROP SCHEMA " + schema + " CASCADE", true, shape);
    }

    private static AppDatabase open(String url, String user, String password, String schema, String drop,
            boolean postgres, Shape shape) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setSchema(schema);
        config.setMaximumPoolSize(10);
        if (postgres) {
            config.setConnectionInitSql("SET synchronous_commit TO off");
        }
        HikariDataSource pool = new HikariDataSource(config);
        AppDatabase database = new AppDatabase(pool, drop, postgres);
        database.execute(shape == Shape.NUMERIC ? database.numeric() : database.uuid());
        return database;
    }

    /** Runs statements separated by {@code ;}. */
    void execute(String statements) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** A lower-case key column for uniqueness (H2) or nothing (PostgreSQL indexes the expression). */
    private String keyColumn(String name, String expression) {
        return postgres ? "" : name + " VARCHAR(1000) GENERATED ALWAYS AS (" + expression + "),";
    }

    private String numeric() {
        return """
                CREATE SEQUENCE app_ids;
                CREATE TABLE app_user (
                    id BIGINT DEFAULT nextval('app_ids') PRIMARY KEY,
                    tenant_id VARCHAR(100) NOT NULL,
                    login VARCHAR(1000) NOT NULL,
                    %s
                    given_name VARCHAR(1000), family_name VARCHAR(1000), email VARCHAR(1000),
                    status VARCHAR(16), object_id VARCHAR(1000), dept VARCHAR(1000), scim_extra TEXT,
                    row_version BIGINT NOT NULL,
                    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL, updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL);
                CREATE UNIQUE INDEX app_user_login ON app_user (tenant_id, %s);
                CREATE INDEX app_user_object_id ON app_user (tenant_id, object_id);
                CREATE TABLE team (
                    id BIGINT DEFAULT nextval('app_ids') PRIMARY KEY,
                    tenant_id VARCHAR(100) NOT NULL,
                    name VARCHAR(1000) NOT NULL,
                    %s
                    scim_extra TEXT, row_version BIGINT NOT NULL,
                    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL, updated_at TIMESTAMP(6) WITH TIME ZONE NOT NULL);
                CREATE UNIQUE INDEX team_name ON team (tenant_id, %s);
                CREATE TABLE team_member (
                    team_id BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
                    user_id BIGINT NOT NULL,
                    PRIMARY KEY (team_id, user_id));
                CREATE INDEX team_member_user ON team_member (user_id)
                """.formatted(keyColumn("login_key", "LOWER(login)"), postgres ? "LOWER(login)" : "login_key",
                keyColumn("name_key", "LOWER(name)"), postgres ? "LOWER(name)" : "name_key");
    }

    private String uuid() {
        String live = "CASE WHEN deleted_at IS NULL THEN LOWER(login) END";
        return """
                CREATE TABLE person (
                    id UUID PRIMARY KEY,
                    login VARCHAR(1000) NOT NULL,
                    deleted_at TIMESTAMP(6),
                    %s
                    first_name VARCHAR(1000), last_name VARCHAR(1000), enabled BOOLEAN, extra TEXT,
                    created TIMESTAMP(6) NOT NULL, modified TIMESTAMP(6) NOT NULL);
                CREATE UNIQUE INDEX person_login ON person (%s) %s;
                CREATE TABLE crew (
                    id VARCHAR(36) PRIMARY KEY,
                    name VARCHAR(1000) NOT NULL,
                    %s
                    extra TEXT, version INTEGER NOT NULL,
                    created TIMESTAMP(6) NOT NULL, modified TIMESTAMP(6) NOT NULL);
                CREATE UNIQUE INDEX crew_name ON crew (%s);
                CREATE TABLE crew_member (
                    crew_id VARCHAR(36) NOT NULL,
                    person_id UUID NOT NULL,
                    PRIMARY KEY (crew_id, person_id))
                """.formatted(keyColumn("login_key", live), postgres ? "LOWER(login)" : "login_key",
                postgres ? "WHERE deleted_at IS NULL" : "", keyColumn("name_key", "LOWER(name)"),
                postgres ? "LOWER(name)" : "name_key");
    }

    /** The mappings of the numeric schema. */
    static SqlMappingStores numericStores(DataSource dataSource, io.scimkit.core.schema.SchemaRegistry registry) {
        SqlMapping users = SqlMapping.users("app_user").id("id", IdType.LONG).tenant("tenant_id")
                .attribute("userName", "login")
                .attribute("name.givenName", "given_name")
                .attribute("name.familyName", "family_name")
                .attribute("emails[type eq \"work\"].value", "email")
                .attribute("active", "status", ValueConverter.flag("ACTIVE", "DISABLED"))
                .attribute("externalId", "object_id")
                .attribute(ENTERPRISE + ":department", "dept")
                .json("scim_extra").version("row_version").created("created_at").lastModified("updated_at");
        SqlMapping groups = SqlMapping.groups("team").id("id", IdType.LONG).tenant("tenant_id")
                .attribute("displayName", "name").members("team_member", "team_id", "user_id")
                .json("scim_extra").version("row_version").created("created_at").lastModified("updated_at");
        return SqlMappingStores.open(dataSource, registry, users, groups);
    }

    /** The mappings of the UUID schema. */
    static SqlMappingStores uuidStores(DataSource dataSource, io.scimkit.core.schema.SchemaRegistry registry) {
        SqlMapping users = SqlMapping.users("person").id("id", IdType.UUID)
                .attribute("userName", "login")
                .attribute("name.givenName", "first_name")
                .attribute("name.familyName", "last_name")
                .attribute("active", "enabled")
                .json("extra").created("created").lastModified("modified").softDelete("deleted_at");
        SqlMapping groups = SqlMapping.groups("crew").id("id", IdType.TEXT)
                .attribute("displayName", "name").members("crew_member", "crew_id", "person_id")
                .json("extra").version("version").created("created").lastModified("modified");
        return SqlMappingStores.open(dataSource, registry, users, groups);
    }

    DataSource dataSource() {
        return pool;
    }

    boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        try {
            execute(drop);
        } finally {
            pool.close();
        }
    }
}
