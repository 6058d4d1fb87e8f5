package io.scimkit.examples.mapped;

import io.scimkit.core.schema.CoreSchemas;
import io.scimkit.core.schema.SchemaRegistry;
import io.scimkit.jdbc.mapping.IdType;
import io.scimkit.jdbc.mapping.SqlMapping;
import io.scimkit.jdbc.mapping.SqlMappingStores;
import io.scimkit.jdbc.mapping.ValueConverter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * SCIM Users and Groups (RFC 7643 §4.1, §4.2) over an application's {@code users}, {@code teams}
 * and {@code team_members} tables, with no store code: only the mapping below. {@link #migrate}
 * creates the tables (the application's migration, {@code V1__app.sql} beside this class, for H2
 * or PostgreSQL), {@link #open} checks the mapping against them and opens the stores.
 */
public final class AppTables {
    /** userName is users.login, active is users.status = 'ACTIVE', and so on; the rest is JSON in scim_extra. */
    public static final SqlMapping USERS = SqlMapping.users("users").id("id", IdType.LONG)
            .attribute("userName", "login")
            .attribute("emails[type eq \"work\"].value", "email")
            .attribute("name.givenName", "first_name")
            .attribute("name.familyName", "last_name")
            .attribute("active", "status", ValueConverter.flag("ACTIVE", "DISABLED"))
            .attribute("externalId", "entra_object_id")
            .attribute(CoreSchemas.ENTERPRISE_USER_URN + ":department", "dept")
            .json("scim_extra")
            .version("lock_version").created("created_at").lastModified("updated_at");

    /** displayName is teams.name; members are rows of team_members(team_id, user_id). */
    public static final SqlMapping GROUPS = SqlMapping.groups("teams").id("id", IdType.LONG)
            .attribute("displayName", "name")
            .members("team_members", "team_id", "user_id")
            .json("scim_extra")
            .version("lock_version").created("created_at").lastModified("updated_at");

    private AppTables() {
    }

    /** Creates the application's tables if they are not there yet (H2 or PostgreSQL). */
    public static void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            String script = read((product.contains("postgres") ? "postgresql" : "h2") + "/V1__app.sql");
            for (String sql : script.replaceAll("(?m)--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("the application's migration failed, SQLState " + failure.getSQLState(), failure);
        }
    }

    /** Migrates, then checks the mapping against the tables and opens the stores. */
    public static SqlMappingStores open(DataSource dataSource, SchemaRegistry registry) {
        migrate(dataSource);
        return SqlMappingStores.open(dataSource, registry, USERS, GROUPS);
    }

    private static String read(String resource) {
        try (InputStream in = Objects.requireNonNull(AppTables.class.getResourceAsStream(resource), resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
