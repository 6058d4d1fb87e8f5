package io.scimkit.examples.spring;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when the PostgreSQL of {@code SCIMKIT_PG_URL}, {@code SCIMKIT_PG_USER} and
 * {@code SCIMKIT_PG_PASSWORD} is configured and reachable ({@code .ci/postgres.sh} starts one and sets
 * them); otherwise the class is reported as skipped, with the reason. Evaluated before Spring starts the
 * application, so a missing database skips rather than fails.
 */
final class PostgresAvailable implements ExecutionCondition {
    static final String URL = "SCIMKIT_PG_URL";

    static String url() {
        return System.getenv(URL);
    }

    static String user() {
        return System.getenv().getOrDefault("SCIMKIT_PG_USER", "scimkit");
    }

    static String password() {
        return System.getenv().getOrDefault("SCIMKIT_PG_PASSWORD", "");
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String url = url();
        if (url == null || url.isBlank()) {
            return ConditionEvaluationResult.disabled("PostgreSQL tests skipped: " + URL
                    + " is not set (.ci/run starts PostgreSQL and sets it)");
        }
        DriverManager.setLoginTimeout(5);
        try (Connection probe = DriverManager.getConnection(url, user(), password())) {
            probe.isValid(5);
            return ConditionEvaluationResult.enabled("PostgreSQL at " + url);
        } catch (SQLException unreachable) {
            return ConditionEvaluationResult.disabled("PostgreSQL tests skipped: " + url + " is not reachable ("
                    + unreachable.getMessage() + ")");
        }
    }
}
