package io.scimkit.examples;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to reach the database of a persistent store: the JDBC URL without credentials, the
 * credentials apart (so that neither the pool's logs nor the start-up message can show them), the
 * driver and what the operator is told.
 *
 * @param jdbcUrl the JDBC URL, free of user and password
 * @param driverClassName the JDBC driver, named so that the shaded jar needs no service lookup
 * @param user the database user, or {@code null} for the driver's default
 * @param password the password, or {@code null} for none; never printed
 * @param description what the start-up message shows, e.g. {@code PostgreSQL jdbc:postgresql://db/scim (user scim)}
 */
public record DatabaseSettings(String jdbcUrl, String driverClassName, @Nullable String user,
        @Nullable String password, String description) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(driverClassName, "driverClassName");
        Objects.requireNonNull(description, "description");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + description + (password == null ? "" : ", password (not shown)") + "]";
    }
}
