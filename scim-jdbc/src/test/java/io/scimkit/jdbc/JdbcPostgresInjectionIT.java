package io.scimkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The SQL-injection table on PostgreSQL; skipped with the reason when none is reachable. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcPostgresInjectionIT {
    private Object postgres = "not opened";

    @BeforeAll
    void open() {
        postgres = TestDatabases.postgresOrReason();
    }

    @AfterAll
    void close() {
        if (postgres instanceof HikariDataSource dataSource) {
            dataSource.close();
        }
    }

    @ParameterizedTest(name = "userName {0} \"{1}\"")
    @MethodSource("io.scimkit.jdbc.InjectionCases#filters")
    void filtersMatchLiterally(String op, String operand) {
        InjectionCases.check(TestDatabases.requirePostgres(postgres), op, operand);
    }
}
