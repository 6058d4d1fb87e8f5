package io.scimkit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the tests run on: H2 in memory and in a file (always there), and PostgreSQL from
 * {@code SCIMKIT_PG_URL}, {@code SCIMKIT_PG_USER}, {@code SCIMKIT_PG_PASSWORD} (tests that need it
 * are skipped, with the reason, when it is not configured or not reachable).
 */
final class TestDatabases {
    private TestDatabases() {
    }

    /** A fresh in-memory H2 database. */
    static HikariDataSource h2Memory() {
        return pool("jdbc:h2:mem:scim-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
    }

    /** An H2 file database in a directory. */
    static HikariDataSource h2File(Path directory) {
        return pool("jdbc:h2:file:" + directory.resolve("scim").toAbsolutePath() + ";LOCK_TIMEOUT=10000", "sa", "");
    }

    /** The configured PostgreSQL; aborts the calling test class (skipped, with the reason) without one. */
    static HikariDataSource postgres() {
        String url = System.getenv("SCIMKIT_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                "PostgreSQL tests skipped: SCIMKIT_PG_URL is not set (see .ci/run)");
        HikariDataSource pool;
        try {
            pool = pool(url, System.getenv().getOrDefault("SCIMKIT_PG_USER", "scimkit"),
                    System.getenv().getOrDefault("SCIMKIT_PG_PASSWORD", ""));
            try (Connection probe = pool.getConnection()) {
                probe.isValid(5);
            }
        } catch (RuntimeException | SQLException unreachable) {
            Assumptions.abort("PostgreSQL tests skipped: " + url + " is not reachable (" + unreachable.getClass()
                    .getSimpleName() + ")");
            throw new IllegalStateException(unreachable);
        }
        return pool;
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }
}
