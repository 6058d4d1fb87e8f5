package io.scimkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The SQL-injection table on H2: filters with quotes, comments, %, _ and backslashes match literally. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcH2InjectionTest {
    private HikariDataSource dataSource;

    @BeforeAll
    void open() {
        dataSource = TestDatabases.h2Memory();
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @ParameterizedTest(name = "userName {0} \"{1}\"")
    @MethodSource("io.scimkit.jdbc.InjectionCases#filters")
    void filtersMatchLiterally(String op, String operand) {
        InjectionCases.check(dataSource, op, operand);
    }
}
