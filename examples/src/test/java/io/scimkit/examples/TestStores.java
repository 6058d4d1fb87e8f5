package io.scimkit.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the example-server integration tests run on: H2 in a fresh directory (always), and
 * the PostgreSQL of {@code SCIMKIT_PG_URL}, {@code SCIMKIT_PG_USER}, {@code SCIMKIT_PG_PASSWORD}
 * ({@code .ci/postgres.sh} starts one and sets them). Tests that need PostgreSQL are skipped, with
 * the reason, when it is not configured or not reachable. Each test works in a tenant of its own
 * (a tenants file with a fresh tenant name), so runs sharing the database do not see each other.
 */
final class TestStores {
    static final String PG_URL = "SCIMKIT_PG_URL";

    private TestStores() {
    }

    /** An {@code h2:<dir>} value for a fresh directory under {@code parent}. */
    static String h2(Path parent) {
        try {
            return "h2:" + Files.createTempDirectory(parent, "h2-");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The PostgreSQL to use, or why there is none. */
    record Postgres(String url, String user, String password) {
        /** The {@code --store} value carrying the credentials in the URL (for in-process servers). */
        String storeWithCredentials() {
            return url + (url.contains("?") ? "&" : "?") + "user=" + encode(user) + "&password=" + encode(password);
        }

        @Override
        public String toString() {
            return "Postgres[" + url + "]";
        }
    }

    /** The configured, reachable PostgreSQL, or the skip reason. */
    static Object postgresOrReason() {
        String url = System.getenv(PG_URL);
        if (url == null || url.isBlank()) {
            return "PostgreSQL tests skipped: " + PG_URL + " is not set (.ci/run starts PostgreSQL and sets it)";
        }
        Postgres postgres = new Postgres(url, System.getenv().getOrDefault("SCIMKIT_PG_USER", "scimkit"),
                System.getenv().getOrDefault("SCIMKIT_PG_PASSWORD", ""));
        DriverManager.setLoginTimeout(5);
        try (Connection probe = DriverManager.getConnection(url, postgres.user(), postgres.password())) {
            probe.isValid(5);
            return postgres;
        } catch (SQLException unreachable) {
            return "PostgreSQL tests skipped: " + url + " is not reachable (" + unreachable.getMessage() + ")";
        }
    }

    /** The PostgreSQL of {@link #postgresOrReason}; aborts the test (skipped, with the reason) without one. */
    static Postgres requirePostgres(Object postgresOrReason) {
        Assumptions.assumeTrue(postgresOrReason instanceof Postgres, String.valueOf(postgresOrReason));
        return (Postgres) postgresOrReason;
    }

    /** Just the reason, if PostgreSQL is missing. */
    static Optional<String> missingPostgres(Object postgresOrReason) {
        return postgresOrReason instanceof Postgres ? Optional.empty() : Optional.of(String.valueOf(postgresOrReason));
    }

    /** A fresh tenant with its token, written as a tenants file (owner-only) under {@code parent}. */
    record Tenant(String name, String token, Path file) {
        static Tenant fresh(Path parent) {
            String suffix = UUID.randomUUID().toString().replace("-", "");
            String name = "it-" + suffix.substring(0, 16);
            String token = "tok-" + suffix;
            try {
                Path file = Files.createTempFile(parent, "tenants-", ".properties");
                Files.writeString(file, name + "=" + token + "\n", StandardCharsets.UTF_8);
                return new Tenant(name, token, file);
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
