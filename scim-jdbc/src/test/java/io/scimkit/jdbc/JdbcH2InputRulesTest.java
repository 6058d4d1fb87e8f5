package io.scimkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.scimkit.core.ScimService;
import io.scimkit.core.protocol.InputRuleCases;
import io.scimkit.core.schema.SchemaRegistry;
import java.net.URI;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11 findings 5-7 on H2: strings with U+0000 or unpaired surrogates, over-long member and
 * key strings, dateTimes outside 0001-9999 and impossible ids are answered as on the in-memory
 * store (scim-core's {@code InputRulesTest}), never with a database error, and store nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcH2InputRulesTest {
    private HikariDataSource dataSource;
    private ScimService service;

    @BeforeAll
    void open() {
        dataSource = TestDatabases.h2Memory();
        service = service(dataSource);
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.scimkit.core.protocol.InputRuleCases#cases")
    void answersAsEveryStore(InputRuleCases.Case rule) {
        InputRuleCases.check(service, rule);
    }

    /** A service over the JDBC stores of a database. */
    static ScimService service(DataSource dataSource) {
        SchemaRegistry registry = SchemaRegistry.core();
        JdbcStores stores = JdbcStores.create(dataSource, registry);
        return ScimService.builder().baseUri(URI.create("https://scim.example.test/scim/v2")).schemas(registry)
                .userStore(stores.users()).groupStore(stores.groups()).build();
    }
}
