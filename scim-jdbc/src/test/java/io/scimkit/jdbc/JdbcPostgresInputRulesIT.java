package io.scimkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.InputRuleCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11 findings 5-7 on PostgreSQL, which refuses U+0000 and dates beyond its range with an
 * error of its own: the core's rules answer first, as on H2 and the in-memory store. Skipped with
 * the reason when no PostgreSQL is reachable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcPostgresInputRulesIT {
    private Object postgres = "not opened";
    private ScimService service;

    @BeforeAll
    void open() {
        postgres = TestDatabases.postgresOrReason();
        if (postgres instanceof HikariDataSource dataSource) {
            service = JdbcH2InputRulesTest.service(dataSource);
        }
    }

    @AfterAll
    void close() {
        if (postgres instanceof HikariDataSource dataSource) {
            dataSource.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.scimkit.core.protocol.InputRuleCases#cases")
    void answersAsEveryStore(InputRuleCases.Case rule) {
        TestDatabases.requirePostgres(postgres);
        InputRuleCases.check(service, rule);
    }
}
